// One job in the results panel: live progress, then the preview and downloads, or the reason it failed.

import { post } from './api.js';
import { el } from './dom.js';
import { formatPercent, formatTime } from './format.js';
import { outputsOf } from './job-outputs.js';
import { JobWatcher, TERMINAL_STATUSES } from './job-watcher.js';

/** Names a job by its session (where the inbox files' session is their top folder) and pipeline. */
export function jobSubtitle(job, session) {
  return [session && session.session_name, job.pipeline_name].filter(Boolean).join(' · ');
}

export class JobCard {
  constructor(job, session, onFinished) {
    this.session = session;
    this.onFinished = onFinished;
    this.job = { status: 'queued', progress_percent: 0, ...job };
    this.status = el('span', { className: 'badge status', 'data-testid': 'job-status' });
    this.progress = el('progress', { max: 100, value: 0, 'aria-label': `Progress of job ${job.id}`, 'data-testid': 'job-progress' });
    this.percent = el('span', { className: 'percent', 'data-testid': 'job-percent' });
    this.step = el('span', { className: 'step', 'data-testid': 'job-step' });
    this.subtitle = el('p', { className: 'note' });
    this.compute = el('p', { className: 'note', 'data-testid': 'job-compute' });
    this.message = el('p', { className: 'error', role: 'alert', hidden: true, 'data-testid': 'job-error' });
    this.result = el('div', { className: 'job-result', 'data-testid': 'job-result' });
    this.cancel = el('button', { type: 'button', className: 'secondary', 'data-testid': 'job-cancel', onclick: () => this.requestCancel() }, 'Cancel');
    this.element = el('article', { className: 'job-card', 'aria-live': 'polite', dataset: { testid: 'job-card', jobId: job.id } },
      el('div', { className: 'job-head' }, el('h3', {}, `Job #${job.id}`), this.status),
      this.subtitle,
      el('div', { className: 'job-progress' }, this.progress, this.percent),
      el('div', { className: 'job-step-line' }, this.step, this.cancel),
      this.compute,
      this.message,
      this.result);
    this.watcher = new JobWatcher(job.id, (data) => this.update(data), (problem) => this.showMessage(problem));
    this.render();
  }

  watch() {
    this.watcher.start();
  }

  update(data) {
    const wasFinished = TERMINAL_STATUSES.has(this.job.status);
    Object.assign(this.job, data);
    this.render();
    if (!wasFinished && TERMINAL_STATUSES.has(this.job.status)) {
      this.onFinished(this.job);
    }
  }

  render() {
    const job = this.job;
    this.element.dataset.status = job.status;
    this.status.textContent = job.status;
    this.status.className = `badge status ${job.status}`;
    const percent = Number(job.progress_percent) || 0;
    this.progress.value = Math.min(100, Math.max(0, percent));
    this.percent.textContent = formatPercent(percent);
    this.step.textContent = job.current_step ? `Step: ${job.current_step}` : (job.status === 'queued' ? 'Waiting in the queue…' : '');
    this.subtitle.textContent = jobSubtitle(job, this.session);
    this.cancel.hidden = TERMINAL_STATUSES.has(job.status);
    this.compute.textContent = JobCard.computeLine(job);
    if (job.status === 'failed') {
      this.showMessage(`Failed: ${job.error_message || 'no reason was given.'}`);
    } else if (job.status === 'cancelled') {
      this.showMessage('Cancelled.');
    } else {
      this.message.hidden = true;
    }
    if (job.status === 'complete') {
      this.renderResult();
    }
  }

  static computeLine(job) {
    const times = [job.started_at && `started ${formatTime(job.started_at)}`, job.completed_at && `finished ${formatTime(job.completed_at)}`];
    const device = job.gpu_used === true ? 'ran on the GPU' : job.gpu_used === false && job.status === 'complete' ? 'ran on the CPU' : '';
    return [device, ...times].filter(Boolean).join(' · ');
  }

  showMessage(text) {
    this.message.textContent = text;
    this.message.hidden = false;
  }

  renderResult() {
    if (this.job.outputs_deleted) {
      this.renderedOutputs = null;
      this.result.replaceChildren(el('p', { className: 'note' }, 'The outputs of this job were removed by the retention policy.'));
      return;
    }
    const outputs = outputsOf(this.job);
    const key = outputs.map((output) => output.url).join('\n');
    if (key === this.renderedOutputs) {
      return;
    }
    this.renderedOutputs = key;
    const jpeg = outputs.find((output) => output.isJpeg);
    const preview = jpeg
      ? el('a', { href: jpeg.url, className: 'preview-link', target: '_blank', rel: 'noopener' },
        el('img', { src: jpeg.url, alt: `Preview of job ${this.job.id}`, 'data-testid': 'job-preview' }))
      : el('p', { className: 'note' }, 'No preview: this pipeline writes no JPEG.');
    const downloads = el('ul', { className: 'downloads', 'aria-label': `Outputs of job ${this.job.id}`, 'data-testid': 'job-downloads' },
      outputs.map((output) => el('li', {},
        el('a', { href: output.url, download: output.name, 'data-testid': 'job-download', dataset: { main: output.main } },
          `Download ${output.name}`))));
    this.result.replaceChildren(preview, outputs.length ? downloads : el('p', { className: 'note' }, 'This job listed no output files.'));
  }

  async requestCancel() {
    this.cancel.disabled = true;
    try {
      const job = await post(`/jobs/${encodeURIComponent(this.job.id)}/cancel`);
      if (job && job.status) {
        this.update(job);
      }
    } catch (error) {
      this.showMessage(`Could not cancel: ${error.message}`);
    } finally {
      this.cancel.disabled = false;
    }
  }
}
