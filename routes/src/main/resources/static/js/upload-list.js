// One row per chosen file: progress bar while it uploads, then its header summary or the reason it was refused.

import { el } from './dom.js';
import { formatBytes } from './format.js';
import { headerSummary } from './header-summary.js';
import { uploadFile } from './upload.js';

export class UploadList {
  constructor(list) {
    this.list = list;
    this.pending = 0;
    this.sequence = Promise.resolve();
  }

  /** Queues the files; they go one after another so a slow link is not split between many. */
  add(files, sessionId, fileType, onSettled) {
    for (const file of files) {
      const row = this.row(file);
      this.pending++;
      this.sequence = this.sequence
        .then(() => this.send(file, row, sessionId, fileType))
        .then((fileRow) => {
          this.pending--;
          onSettled(fileRow);
        });
    }
  }

  /** Shows a refusal without sending anything (e.g. the session no longer takes uploads). */
  reject(files, message) {
    for (const file of files) {
      this.fail(this.row(file), message);
    }
  }

  row(file) {
    const progress = el('progress', { max: 100, value: 0, 'aria-label': `Upload of ${file.name}`, 'data-testid': 'upload-progress' });
    const status = el('span', { className: 'upload-status', 'data-testid': 'upload-status' }, 'waiting…');
    const item = el('li', { className: 'upload-item', dataset: { fileName: file.name, testid: 'upload-item', state: 'waiting' } },
      el('div', { className: 'upload-head' },
        el('span', { className: 'file-name' }, file.name),
        el('span', { className: 'file-size' }, formatBytes(file.size))),
      progress,
      status);
    this.list.append(item);
    return { item, progress, status };
  }

  /** Resolves with the file row, or null when the upload was refused. */
  async send(file, row, sessionId, fileType) {
    row.item.dataset.state = 'uploading';
    row.status.textContent = 'uploading…';
    try {
      const fileRow = await uploadFile(sessionId, file, fileType, (fraction) => {
        row.progress.value = Math.round(fraction * 100);
        row.status.textContent = `uploading… ${Math.round(fraction * 100)} %`;
      });
      this.succeed(row, fileRow);
      return fileRow;
    } catch (error) {
      this.fail(row, error.message);
      return null;
    }
  }

  succeed(row, fileRow) {
    row.item.dataset.state = 'uploaded';
    row.progress.value = 100;
    row.status.textContent = 'uploaded';
    const summary = el('dl', { className: 'header-summary', 'data-testid': 'upload-summary' },
      headerSummary(fileRow).map(([label, value]) => el('div', {}, el('dt', {}, label), el('dd', {}, value))));
    row.item.append(summary);
  }

  fail(row, message) {
    row.item.dataset.state = 'failed';
    row.progress.remove();
    row.status.textContent = 'refused';
    row.item.append(el('p', { className: 'error', role: 'alert', 'data-testid': 'upload-error' }, message));
  }

  busy() {
    return this.pending > 0;
  }
}
