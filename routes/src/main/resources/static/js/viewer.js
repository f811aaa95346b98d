// The viewer: a result full screen, the 1080 px preview first and then the full JPEG, with pan and zoom, a
// before/after toggle against the telescope's own stack, the downloads with their sizes, and re-stretch.

import { el, clear } from './dom.js';
import { formatBytes } from './format.js';
import { PanZoom } from './pan-zoom.js';
import { Restretch } from './restretch.js';

const byId = (id) => document.getElementById(id);

export class Viewer {
  /** @param onKept called after the user kept a re-stretch (or went back to the original): the page reloads its data */
  constructor(onKept) {
    this.dialog = byId('viewer');
    this.stage = byId('viewer-stage');
    this.image = byId('viewer-image');
    this.note = byId('viewer-note');
    this.title = byId('viewer-title');
    this.downloads = byId('viewer-downloads');
    this.beforeAfter = byId('before-after');
    this.panZoom = new PanZoom(this.stage, this.image);
    this.restretch = new Restretch({
      show: (picture, outputs) => this.showVersion(picture, outputs),
      kept: () => onKept(),
    });
    this.opener = null;
    this.token = 0;

    byId('zoom-in').addEventListener('click', () => this.panZoom.zoom(1.25));
    byId('zoom-out').addEventListener('click', () => this.panZoom.zoom(0.8));
    byId('zoom-fit').addEventListener('click', () => this.panZoom.reset());
    byId('viewer-close').addEventListener('click', () => this.dialog.close());
    this.beforeAfter.addEventListener('click', () => this.toggleBeforeAfter());
    this.dialog.addEventListener('keydown', (event) => {
      const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement;
      if (!typing && !event.ctrlKey && !event.metaKey && this.panZoom.onKey(event)) {
        event.preventDefault();
      }
    });
    this.dialog.addEventListener('close', () => {
      this.token++;
      this.image.removeAttribute('src');
      if (this.opener && this.opener.isConnected) {
        this.opener.focus();
      }
    });
  }

  /**
   * @param item {title, picture: {thumbnail_url, preview_url, image_url}, telescope: same or null, outputs: [{name, size_bytes, url}]}
   * @param opener the control to give the focus back to on close
   */
  open(item, opener) {
    this.item = item;
    this.opener = opener;
    this.title.textContent = item.title;
    this.showingTelescope = false;
    this.beforeAfter.hidden = !item.telescope;
    this.beforeAfter.setAttribute('aria-pressed', 'false');
    this.beforeAfter.textContent = "Telescope's stack";
    this.current = item.picture;
    this.listDownloads(item.outputs || []);
    this.restretch.reset(item);
    this.dialog.showModal();
    this.panZoom.reset();
    this.show(item.picture);
    this.stage.focus();
  }

  /** A re-stretch (or the original again) in place of the picture shown, with its own downloads first. */
  showVersion(picture, outputs) {
    this.current = picture;
    this.showingTelescope = false;
    this.beforeAfter.setAttribute('aria-pressed', 'false');
    this.beforeAfter.textContent = "Telescope's stack";
    this.listDownloads([...outputs, ...(this.item.outputs || []).filter((o) => !outputs.some((n) => n.url === o.url))]);
    this.show(picture);
  }

  toggleBeforeAfter() {
    this.showingTelescope = !this.showingTelescope;
    this.beforeAfter.setAttribute('aria-pressed', String(this.showingTelescope));
    this.beforeAfter.textContent = this.showingTelescope ? "FitsFlow's stack" : "Telescope's stack";
    this.show(this.showingTelescope ? this.item.telescope : this.current);
  }

  /** The 1080 px preview at once, then the full picture once it has loaded, unless another was asked for meanwhile. */
  show(picture) {
    const token = ++this.token;
    const label = this.showingTelescope ? "the telescope's own stack" : "FitsFlow's result";
    this.image.alt = `${this.item.title}: ${label}`;
    this.image.dataset.full = 'false';
    this.note.textContent = 'Loading the full picture…';
    this.image.onload = () => {
      if (token === this.token && this.image.dataset.full === 'false') {
        this.panZoom.setAspect(this.image.naturalWidth, this.image.naturalHeight);
      }
    };
    this.image.src = picture.preview_url || picture.image_url;
    const full = new Image();
    full.onload = () => {
      if (token !== this.token) {
        return;
      }
      this.panZoom.setAspect(full.naturalWidth, full.naturalHeight);
      this.image.src = picture.image_url;
      this.image.dataset.full = 'true';
      this.note.textContent = `${full.naturalWidth} × ${full.naturalHeight} px – wheel, pinch or + and − to zoom; drag to pan.`;
    };
    full.onerror = () => {
      if (token === this.token) {
        this.note.textContent = 'The full picture could not be loaded; the preview is shown.';
      }
    };
    full.src = picture.image_url;
  }

  listDownloads(outputs) {
    clear(this.downloads);
    for (const output of outputs) {
      this.downloads.append(el('li', { 'data-testid': 'viewer-download' },
        el('a', { href: output.url, download: output.name }, output.name),
        el('span', { className: 'size' }, ` ${formatBytes(output.size_bytes)}`)));
    }
    if (outputs.length === 0) {
      this.downloads.append(el('li', { className: 'note' }, 'No files to download.'));
    }
  }
}
