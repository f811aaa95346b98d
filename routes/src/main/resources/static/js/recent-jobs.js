// The list of recent jobs, from uploads and from the inbox folder alike, refreshed periodically.

import { get, jobUrl, listOf } from './api.js';
import { el } from './dom.js';
import { formatPercent, formatTime } from './format.js';
import { jobSubtitle } from './job-card.js';

const REFRESH_INTERVAL_MS = 5000;
const SHOWN_JOBS = 20;

export class RecentJobs {
  constructor(list, status, onShow) {
    this.list = list;
    this.status = status;
    this.onShow = onShow;
  }

  start() {
    this.refresh();
    setInterval(() => {
      if (!document.hidden) {
        this.refresh();
      }
    }, REFRESH_INTERVAL_MS);
  }

  async refresh() {
    try {
      const [jobs, sessions] = await Promise.all([get(`/jobs?limit=${SHOWN_JOBS}`), get('/sessions')]);
      const list = listOf(jobs, 'jobs');
      this.status.textContent = list.length ? '' : 'No jobs yet.';
      this.status.classList.remove('error');
      const sessionsById = new Map(listOf(sessions, 'sessions').map((session) => [session.id, session]));
      // Unchanged lists are left alone, so that keyboard focus on a button survives the refresh.
      const key = JSON.stringify([list, [...sessionsById.values()]]);
      if (key === this.shown) {
        return;
      }
      this.shown = key;
      this.list.replaceChildren(...list.map((job) => this.item(job, sessionsById.get(job.session_id))));
    } catch (error) {
      this.status.textContent = error.message;
      this.status.classList.add('error');
    }
  }

  item(job, session) {
    const source = session ? session.source : '';
    const when = job.completed_at || job.started_at || job.created_at;
    const progress = job.status === 'running' ? ` ${formatPercent(job.progress_percent)}` : '';
    return el('li', { className: 'recent-job', dataset: { testid: 'recent-job', jobId: job.id, status: job.status, source } },
      el('div', { className: 'recent-head' },
        el('span', { className: 'job-id' }, `#${job.id}`, source ? el('span', { className: `badge ${source}` }, source) : null),
        el('span', { className: `badge status ${job.status}` }, `${job.status}${progress}`)),
      el('p', { className: 'note' }, [jobSubtitle(job, session), formatTime(when)].filter(Boolean).join(' · ')),
      job.status === 'failed' && job.error_message ? el('p', { className: 'error' }, job.error_message) : null,
      el('div', { className: 'recent-actions' },
        el('button', { type: 'button', className: 'secondary', onclick: () => this.onShow(job, session) }, 'Show'),
        job.status === 'complete' && !job.outputs_deleted
          ? el('a', { href: jobUrl(job.id, '/download'), 'data-testid': 'recent-download' }, 'Download')
          : null));
  }
}
