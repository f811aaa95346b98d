// Follows one job: server-sent events first, polling GET /jobs/{id} every second when they fail.

import { UNREACHABLE, get, jobUrl, parseJson } from './api.js';

export const TERMINAL_STATUSES = new Set(['complete', 'failed', 'cancelled']);

const POLL_INTERVAL_MS = 1000;
const EVENT_NAMES = ['progress', 'status', 'job', 'complete', 'completed', 'failed', 'cancelled'];

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
    const handle = (event) => {
      const data = parseJson(event.data);
      if (data && typeof data === 'object') {
        this.deliver(data, true);
      }
    };
    source.onmessage = handle;
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, handle);
    }
    // Also fires when the server ends the stream; polling then reads the final state.
    source.onerror = () => {
      source.close();
      this.source = null;
      if (!this.finished) {
        this.poll();
      }
    };
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
      this.deliver(await get(`/jobs/${encodeURIComponent(this.jobId)}`), false);
    } catch (error) {
      this.onConnectionProblem(error.status === 0 ? UNREACHABLE : error.message);
    }
  }

  deliver(data, fromEvents) {
    if (this.finished) {
      return;
    }
    this.onUpdate(data);
    if (TERMINAL_STATUSES.has(data.status)) {
      this.stop();
      if (fromEvents) {
        // Events carry progress; the job resource carries the complete list of outputs.
        get(`/jobs/${encodeURIComponent(this.jobId)}`)
          .then((job) => this.onUpdate(job))
          .catch((error) => this.onConnectionProblem(error.message));
      }
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
