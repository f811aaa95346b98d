// The gallery (/): one card per target with its newest picture, integration, nights and a badge while a
// night is stacking. Refreshed every few seconds; cards are updated in place so that pictures do not flicker.

import { ApiError, get } from './api.js';
import { describeSignIn, signOut } from './auth.js';
import { el } from './dom.js';
import { formatPercent } from './format.js';
import { formatIntegration } from './astro-format.js';

const REFRESH_MS = 5000;
const grid = document.getElementById('target-grid');
const status = document.getElementById('gallery-status');
const cards = new Map();

function targetHref(target) {
  return `target.html?id=${encodeURIComponent(target.id)}`;
}

function facts(target) {
  const items = [
    ['Integration', formatIntegration(target.integration_seconds)],
    target.kind === 'subs' ? ['Nights', String(target.nights_count)] : ['Kind', 'single frames'],
  ];
  if (target.last_night) {
    items.push(['Last night', target.last_night]);
  }
  return el('dl', { className: 'facts', 'data-testid': 'target-facts' },
    items.map(([term, value]) => el('div', {}, el('dt', {}, term), el('dd', {}, value))));
}

function badge(stacking) {
  if (!stacking) {
    return null;
  }
  const percent = formatPercent(stacking.progress_percent);
  return el('p', { className: 'badge stacking', 'data-testid': 'stacking-badge' },
    el('span', {}, `Stacking ${stacking.night} · ${percent}`),
    el('progress', { max: '100', value: String(Math.round(stacking.progress_percent || 0)), 'aria-label': `Stacking ${stacking.night}` }));
}

function picture(target) {
  const latest = target.latest;
  if (!latest || !latest.thumbnail_url) {
    return el('div', { className: 'card-picture empty', 'aria-hidden': 'true' }, 'No picture yet');
  }
  return el('img', {
    className: 'card-picture',
    src: latest.thumbnail_url,
    alt: `${target.name}: ${latest.title}`,
    loading: 'lazy',
    decoding: 'async',
    'data-testid': 'target-thumbnail',
  });
}

function card(target) {
  const title = target.filter ? `${target.name} · ${target.filter}` : target.name;
  return el('li', { className: 'target-card', 'data-testid': 'target-card', dataset: { targetId: target.id, kind: target.kind } },
    el('a', { className: 'card-link', href: targetHref(target), 'data-testid': 'target-link' },
      picture(target),
      el('h3', { className: 'card-title' }, title),
      facts(target),
      badge(target.stacking)));
}

/** Replaces a card only when what it shows changed; an unchanged picture keeps its loaded image. */
function render(targets) {
  const seen = new Set();
  targets.forEach((target, index) => {
    const key = JSON.stringify(target, (k, v) => (k === 'updated_at' ? undefined : v));
    const existing = cards.get(target.id);
    let node = existing && existing.key === key ? existing.node : card(target);
    if (existing && existing.node !== node) {
      existing.node.replaceWith(node);
    }
    cards.set(target.id, { key, node });
    if (grid.children[index] !== node) {
      grid.insertBefore(node, grid.children[index] || null);
    }
    seen.add(target.id);
  });
  for (const [id, entry] of cards) {
    if (!seen.has(id)) {
      entry.node.remove();
      cards.delete(id);
    }
  }
  status.textContent = targets.length === 0
    ? 'No targets yet. Results appear here as the inbox receives frames, or upload files on the processing page.'
    : `${targets.length} target${targets.length === 1 ? '' : 's'}`;
  status.classList.toggle('visually-hidden', targets.length > 0);
}

async function refresh() {
  try {
    const data = await get('/targets');
    render((data && data.targets) || []);
    status.classList.remove('error');
  } catch (error) {
    status.textContent = error instanceof ApiError ? error.message : String(error);
    status.classList.add('error');
    status.classList.remove('visually-hidden');
  }
  setTimeout(refresh, REFRESH_MS);
}

document.getElementById('sign-out').addEventListener('click', signOut);
describeSignIn();
refresh();
