// Re-stretch in the viewer: the settings go to POST /jobs/{id}/restretch, the new job is followed until it is
// complete, and its preview is shown; "Keep" makes it stand for the result (POST /jobs/{id}/keep).

import { ApiError, get, post } from './api.js';
import { jobIdOf } from './astro-format.js';

const byId = (id) => document.getElementById(id);
const POLL_MS = 1000;

/** A complete job's picture from its view: the 320 and 1080 px thumbnails and its JPEG. */
export function pictureOfJob(job) {
  const jpeg = (job.output_files || []).find((name) => /\.jpe?g$/i.test(name));
  if (!jpeg) {
    return null;
  }
  const side = (n) => (job.thumbnails || []).find((t) => t.picture === jpeg && t.side === n);
  const image = `/api/process/jobs/${job.id}/download?file=${encodeURIComponent(jpeg)}`;
  return {
    job_id: job.id,
    thumbnail_url: side(320)?.url || image,
    preview_url: side(1080)?.url || image,
    image_url: image,
  };
}

function outputsOf(job, picture) {
  return [{ name: decodeURIComponent(picture.image_url.split('file=')[1]), size_bytes: null, url: picture.image_url }]
    .filter(() => job.output_files.length > 0);
}

export class Restretch {
  constructor({ show, kept }) {
    this.show = show;
    this.kept = kept;
    this.form = byId('restretch-form');
    this.toggle = byId('restretch-toggle');
    this.curve = byId('rs-curve');
    this.strength = byId('rs-strength');
    this.strengthLabel = byId('rs-strength-label');
    this.status = byId('rs-status');
    this.keepButton = byId('rs-keep');
    this.originalButton = byId('rs-original');
    this.run = byId('rs-run');

    this.toggle.addEventListener('click', () => this.setOpen(this.form.hidden));
    this.curve.addEventListener('change', () => this.curveChanged());
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.start();
    });
    this.keepButton.addEventListener('click', () => this.keep(this.shown, 'Kept: this version now stands for the result.'));
    this.originalButton.addEventListener('click', () => this.keep(this.sourceId, 'The original is back.'));
  }

  /** A new item in the viewer: nothing running, the source job read from its picture's address. */
  reset(item) {
    this.item = item;
    this.running = null;
    this.shown = jobIdOf(item.picture.image_url);
    this.sourceId = null;
    this.setOpen(false);
    this.status.textContent = '';
    this.keepButton.hidden = true;
    this.originalButton.hidden = true;
    this.run.disabled = !this.shown;
    this.curveChanged();
    this.lookUpSource();
  }

  /** The picture shown may be a kept re-stretch: the source is then the job it was made from. */
  async lookUpSource() {
    const shown = this.shown;
    if (!shown) {
      return;
    }
    try {
      const job = await get(`/jobs/${shown}`);
      if (this.shown !== shown) {
        return;
      }
      this.sourceId = job.restretch_of ?? job.id;
      this.originalButton.hidden = job.restretch_of == null;
    } catch (error) {
      this.sourceId = shown;
    }
  }

  setOpen(open) {
    this.form.hidden = !open;
    this.toggle.setAttribute('aria-expanded', String(open));
    if (open) {
      byId('rs-linked').focus();
    }
  }

  curveChanged() {
    const explicit = this.curve.value !== 'mtf';
    this.strength.hidden = !explicit;
    this.strengthLabel.hidden = !explicit;
    if (!explicit) {
      this.strength.value = '';
    }
  }

  settings() {
    const settings = {
      linked: byId('rs-linked').checked,
      shadows_clip: Number(byId('rs-shadows').value),
      curve: this.curve.value,
    };
    const strength = this.strength.value.trim();
    if (this.curve.value !== 'mtf' && strength !== '') {
      settings[`${this.curve.value}_stretch`] = Number(strength);
    } else {
      // an explicit strength sets the curve itself; the target background only steers the automatic one
      settings.target_background = Number(byId('rs-background').value);
    }
    return settings;
  }

  async start() {
    const source = this.sourceId ?? this.shown;
    this.run.disabled = true;
    this.keepButton.hidden = true;
    this.status.classList.remove('error');
    this.status.textContent = 'Queued…';
    try {
      const job = await post(`/jobs/${source}/restretch`, this.settings());
      this.running = job.id;
      this.sourceId = job.restretch_of ?? source;
      await this.follow(job.id);
    } catch (error) {
      this.status.textContent = error instanceof ApiError ? error.message : String(error);
      this.status.classList.add('error');
    } finally {
      this.run.disabled = false;
    }
  }

  async follow(jobId) {
    for (;;) {
      const job = await get(`/jobs/${jobId}`);
      if (this.running !== jobId) {
        return;
      }
      if (job.status === 'complete') {
        const picture = pictureOfJob(job);
        this.shown = jobId;
        this.status.textContent = 'Done: the new stretch is shown. Keep it to make it the result’s picture.';
        this.keepButton.hidden = false;
        this.originalButton.hidden = false;
        this.show(picture, outputsOf(job, picture));
        return;
      }
      if (job.status === 'failed' || job.status === 'cancelled') {
        throw new ApiError(`The re-stretch ${job.status}: ${job.error_message || 'no reason given'}`, 0);
      }
      this.status.textContent = `${job.status === 'queued' ? 'Queued' : 'Stretching'}… ${Math.round(job.progress_percent || 0)} %`;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  async keep(jobId, done) {
    try {
      const source = await post(`/jobs/${jobId}/keep`);
      this.status.textContent = done;
      this.keepButton.hidden = true;
      this.originalButton.hidden = source.kept_restretch_job_id == null;
      if (source.kept_restretch_job_id == null) {
        const picture = pictureOfJob(source);
        if (picture) {
          this.shown = source.id;
          this.show(picture, []);
        }
      }
      this.kept();
    } catch (error) {
      this.status.textContent = error instanceof ApiError ? error.message : String(error);
      this.status.classList.add('error');
    }
  }
}
