// A target's page (target.html?id=...): its deep stack and nights newest first, each with integration, subs used
// and flagged, median FWHM and the quality plot; the integration chart; the single frames; the viewer.

import { ApiError, get } from './api.js';
import { describeSignIn, signOut } from './auth.js';
import { el, clear } from './dom.js';
import { formatPercent, formatTime } from './format.js';
import { formatArcsec, formatExposure, formatIntegration, formatSubs } from './astro-format.js';
import { integrationChart } from './integration-chart.js';
import { Viewer } from './viewer.js';

const REFRESH_MS = 5000;
const byId = (id) => document.getElementById(id);
const targetId = new URLSearchParams(window.location.search).get('id');
const status = byId('target-status');
const viewer = new Viewer(() => load());
let shown = '';
let timer = null;

function fact(term, value, testId) {
  return el('div', { 'data-testid': testId }, el('dt', {}, term), el('dd', {}, value));
}

function stateBadge(state, progress) {
  if (!state || state === 'done') {
    return null;
  }
  const text = state === 'stacking' && progress !== null && progress !== undefined ? `stacking ${formatPercent(progress)}` : state;
  return el('span', { className: `badge ${state}`, 'data-testid': 'state-badge' }, text);
}

/** The picture as a button that opens the viewer; a placeholder while there is none. */
function pictureButton(item) {
  if (!item.picture || !item.picture.thumbnail_url) {
    return el('div', { className: 'result-picture empty', 'aria-hidden': 'true' }, 'No picture yet');
  }
  const button = el('button', {
    type: 'button', className: 'result-picture', 'aria-label': `View ${item.title}`, 'data-testid': 'open-viewer',
  }, el('img', { src: item.picture.thumbnail_url, alt: '', loading: 'lazy', decoding: 'async', 'data-testid': 'result-thumbnail' }));
  button.addEventListener('click', () => viewer.open(item, button));
  return button;
}

function pictureOf(view) {
  return view.thumbnail_url ? { thumbnail_url: view.thumbnail_url, preview_url: view.preview_url, image_url: view.image_url } : null;
}

function flaggedList(flagged) {
  if (!flagged || flagged.length === 0) {
    return null;
  }
  return el('details', { className: 'flagged', 'data-testid': 'flagged' },
    el('summary', {}, `${flagged.length} sub${flagged.length === 1 ? '' : 's'} flagged`),
    el('ul', {}, flagged.map((sub) => el('li', {}, el('span', { className: 'file-name' }, sub.file_name), `: ${sub.reasons.join(', ')}`))));
}

function nightCard(target, night) {
  const item = {
    title: `${target.name} ${night.date}`,
    picture: pictureOf(night),
    telescope: night.telescope_stack,
    outputs: night.outputs,
  };
  const integration = night.subs_used === null || night.subs_used === undefined
    ? `${night.subs_taken} subs of ${formatExposure(night.exposure_seconds)} so far`
    : `${formatSubs(night.subs_used, night.exposure_seconds)} = ${formatIntegration(night.integration_seconds)}`;
  return el('article', { className: 'result', 'data-testid': 'night', dataset: { date: night.date, state: night.state } },
    pictureButton(item),
    el('div', { className: 'result-body' },
      el('h3', {}, night.date, ' ', stateBadge(night.state, night.progress_percent)),
      el('dl', { className: 'facts' },
        fact('Integration', integration, 'night-integration'),
        fact('Subs', night.subs_used === null || night.subs_used === undefined
          ? `${night.subs_taken} taken` : `${night.subs_used} used of ${night.subs_taken}`, 'night-subs'),
        fact('Median FWHM', formatArcsec(night.fwhm_median_arcsec, night.fwhm_median_px), 'night-fwhm')),
      flaggedList(night.subs_flagged),
      night.error ? el('p', { className: 'note error' }, night.error) : null,
      night.quality_plot_url ? el('figure', { className: 'quality-plot' },
        el('img', { src: night.quality_plot_url, alt: `Quality of the subs of ${night.date}`, loading: 'lazy', 'data-testid': 'quality-plot' }),
        el('figcaption', { className: 'note' }, 'Quality of the night’s subs')) : null,
      night.report_url ? el('p', {}, el('a', { href: night.report_url }, 'Quality report (JSON)')) : null));
}

function deepCard(target, deep) {
  const item = { title: `${target.name} all nights`, picture: pictureOf(deep), telescope: null, outputs: deep.outputs };
  return el('article', { className: 'result deep', 'data-testid': 'deep-stack', dataset: { state: deep.state } },
    pictureButton(item),
    el('div', { className: 'result-body' },
      el('h3', {}, 'All nights', ' ', stateBadge(deep.state, null)),
      el('dl', { className: 'facts' },
        fact('Integration', formatIntegration(deep.integration_seconds), 'deep-integration'),
        fact('Nights', String(deep.nights_used), 'deep-nights'),
        fact('Subs used', String(deep.subs_used), 'deep-subs')),
      deep.error ? el('p', { className: 'note error' }, deep.error) : null));
}

function frameCard(target, frame) {
  const item = { title: frame.file_name, picture: pictureOf(frame), telescope: null, outputs: frame.outputs };
  return el('article', { className: 'result', 'data-testid': 'frame', dataset: { jobId: frame.job_id } },
    pictureButton(item),
    el('div', { className: 'result-body' },
      el('h3', { className: 'file-name' }, frame.file_name),
      el('dl', { className: 'facts' },
        fact('From', frame.source === 'telescope' ? 'the telescope (inbox)' : 'an upload', 'frame-source'),
        fact('Processed', formatTime(frame.completed_at), 'frame-time'))));
}

function section(id, nodes) {
  byId(`${id}-section`).hidden = nodes.length === 0;
  clear(byId(id)).append(...nodes);
}

function render(target) {
  document.title = `FitsFlow – ${target.name}`;
  byId('target-name').textContent = target.filter ? `${target.name} · ${target.filter}` : target.name;
  const parts = [`${formatIntegration(target.integration_seconds)} integration`];
  if (target.kind === 'subs') {
    parts.push(`${target.nights_count} night${target.nights_count === 1 ? '' : 's'}`);
  }
  if (target.last_night) {
    parts.push(`last night ${target.last_night}`);
  }
  byId('target-summary').textContent = parts.join(' · ');
  const nights = target.nights || [];
  byId('chart-section').hidden = nights.length === 0;
  clear(byId('integration-chart')).append(integrationChart(nights));
  section('deep', target.deep_stack ? [deepCard(target, target.deep_stack)] : []);
  section('nights', nights.map((night) => nightCard(target, night)));
  section('frames', (target.frames || []).map((frame) => frameCard(target, frame)));
}

function busy(target) {
  return !!target.stacking || (target.deep_stack && target.deep_stack.state === 'stacking')
    || (target.nights || []).some((n) => n.state === 'open' || n.state === 'stacking');
}

/** Renders again only when something changed, so that focus and loaded pictures stay; polls while a night stacks. */
async function load() {
  clearTimeout(timer);
  if (!targetId) {
    status.textContent = 'No target named: open a target from the gallery.';
    return;
  }
  try {
    const target = await get(`/targets/${encodeURIComponent(targetId)}`);
    const text = JSON.stringify(target);
    if (text !== shown) {
      shown = text;
      render(target);
    }
    status.textContent = '';
    status.classList.remove('error');
    if (busy(target)) {
      timer = setTimeout(load, REFRESH_MS);
    }
  } catch (error) {
    status.textContent = error instanceof ApiError ? error.message : String(error);
    status.classList.add('error');
  }
}

byId('sign-out').addEventListener('click', signOut);
describeSignIn();
load();
