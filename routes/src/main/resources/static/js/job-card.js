// One job in the results panel: live progress, then the preview and downloads, or the reason it failed.

import { post } from './api.js';
import { el } from './dom.js';
import { formatBytes, formatPercent, formatTime } from './format.js';
import { outputsOf } from './job-outputs.js';
import { JobWatcher, TERMINAL_STATUSES } from './job-watcher.js';

/** Names a job by its input file and pipeline, whichever the server reports. */
export function jobSubtitle(job) {
  const input = job.file_name || job.original_name || job.original_filename || job.input_file || job.source_path || '';
  const pipeline = job.pipeline_name || job.pipeline || '';
  const origin = job.source === 'inbox' || job.origin === 'inbox' ? 'inbox' : '';
  return [input.split(/[\\/]/).pop(), pipeline, origin].filter(Boolean).join(' · ');
}

/** Progress events may name their fields in short form. */
function normalise(data) {
  const fields = { ...data };
  if (fields.progress_percent === undefined) {
    const percent = data.percent ?? data.progress;
    if (percent !== undefined) {
      fields.progress_percent = percent;
    }
  }
  if (fields.current_step === undefined && data.step !== undefined) {
    fields.current_step = data.step;
  }
  if (fields.error_message === undefined && data.error !== undefined && data.status === 'failed') {
    fields.error_message = data.error;
  }
  return fields;
}

export class JobCard {
  constructor(job, onFinished) {
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
    Object.assign(this.job, normalise(data));
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
    this.subtitle.textContent = jobSubtitle(job);
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
          `Download ${output.name}`),
        output.size !== undefined ? el('span', { className: 'note' }, ` ${formatBytes(Number(output.size))}`) : null)));
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
