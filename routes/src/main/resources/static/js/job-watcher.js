// Follows one job: server-sent events first, polling GET /jobs/{id} every second when they fail.

import { UNREACHABLE, get, jobUrl, parseJson } from './api.js';

export const TERMINAL_STATUSES = new Set(['complete', 'failed', 'cancelled']);

const POLL_INTERVAL_MS = 1000;

export class JobWatcher {
  constructor(jobId, onUpdate, onConnectionProblem) {
    this.jobId = jobId;
    this.onUpdate = onUpdate;
    this.onConnectionProblem = onConnectionProblem;
    this.finished = false;
    this.source = null;
    this.timer = null;
  }

  start() {
    if (typeof EventSource === 'function') {
      this.listen();
    } else {
      this.poll();
    }
  }

  listen() {
    const source = new EventSource(jobUrl(this.jobId, '/events'));
    this.source = source;
    // "progress" while the job runs; then one "status" with the whole job (outputs included), and the stream ends.
    source.addEventListener('progress', (event) => this.receive(event, (data) => this.onUpdate(data)));
    source.addEventListener('status', (event) => this.receive(event, (data) => this.deliver(data)));
    // Also fires when the server ends the stream early; polling then reads the final state.
    source.onerror = () => {
      source.close();
      this.source = null;
      if (!this.finished) {
        this.poll();
      }
    };
  }

  receive(event, handle) {
    const data = parseJson(event.data);
    if (data && typeof data === 'object' && !this.finished) {
      handle(data);
    }
  }

  poll() {
    if (this.timer || this.finished) {
      return;
    }
    this.timer = setInterval(() => this.pollOnce(), POLL_INTERVAL_MS);
    this.pollOnce();
  }

  async pollOnce() {
    try {
      this.deliver(await get(`/jobs/${encodeURIComponent(this.jobId)}`));
    } catch (error) {
      this.onConnectionProblem(error.status === 0 ? UNREACHABLE : error.message);
    }
  }

  /** A whole job: shown, and the end of watching once it is finished. */
  deliver(data) {
    if (this.finished) {
      return;
    }
    this.onUpdate(data);
    if (TERMINAL_STATUSES.has(data.status)) {
      this.stop();
    }
  }

  stop() {
    this.finished = true;
    if (this.source) {
      this.source.close();
      this.source = null;
    }
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }
}
