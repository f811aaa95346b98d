// The list of recent jobs, from uploads and from the inbox folder alike, refreshed periodically.

import { get, jobUrl, listOf } from './api.js';
import { el } from './dom.js';
import { formatPercent, formatTime } from './format.js';
import { jobSubtitle } from './job-card.js';

const REFRESH_INTERVAL_MS = 5000;

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
      const jobs = listOf(await get('/jobs'), 'jobs');
      this.status.textContent = jobs.length ? '' : 'No jobs yet.';
      this.status.classList.remove('error');
      this.list.replaceChildren(...jobs.map((job) => this.item(job)));
    } catch (error) {
      this.status.textContent = error.message;
      this.status.classList.add('error');
    }
  }

  item(job) {
    const when = job.completed_at || job.started_at || job.created_at;
    const progress = job.status === 'running' ? ` ${formatPercent(job.progress_percent)}` : '';
    return el('li', { className: 'recent-job', dataset: { testid: 'recent-job', jobId: job.id, status: job.status } },
      el('div', { className: 'recent-head' },
        el('span', { className: 'job-id' }, `#${job.id}`),
        el('span', { className: `badge status ${job.status}` }, `${job.status}${progress}`)),
      el('p', { className: 'note' }, [jobSubtitle(job), formatTime(when)].filter(Boolean).join(' · ')),
      job.status === 'failed' && job.error_message ? el('p', { className: 'error' }, job.error_message) : null,
      el('div', { className: 'recent-actions' },
        el('button', { type: 'button', className: 'secondary', onclick: () => this.onShow(job) }, 'Show'),
        job.status === 'complete' && !job.outputs_deleted
          ? el('a', { href: jobUrl(job.id, '/download'), 'data-testid': 'recent-download' }, 'Download')
          : null));
  }
}
