// Session choice: create a named session or continue one from the list.

import { get, listOf, post } from './api.js';
import { el } from './dom.js';

export class SessionPicker {
  constructor({ form, nameInput, select, status }, onChange) {
    this.form = form;
    this.nameInput = nameInput;
    this.select = select;
    this.status = status;
    this.onChange = onChange;
    this.sessions = new Map();
    this.current = null;
    this.creating = null;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.create(nameInput.value.trim()).catch((error) => this.say(error.message, true));
    });
    select.addEventListener('change', () => this.choose(select.value));
  }

  async refresh() {
    const sessions = listOf(await get('/sessions'), 'sessions');
    this.sessions = new Map(sessions.map((session) => [String(session.id), session]));
    const chosen = this.current ? String(this.current.id) : '';
    this.select.replaceChildren(
      el('option', { value: '' }, 'No session selected'),
      ...sessions.map((session) => el('option', { value: session.id }, SessionPicker.label(session))),
    );
    this.select.value = this.sessions.has(chosen) ? chosen : '';
    if (this.current && this.sessions.has(chosen)) {
      this.current = this.sessions.get(chosen);
      this.describe();
    }
  }

  static label(session) {
    const files = session.total_files ?? 0;
    return `${session.session_name || 'unnamed'} · ${files} file${files === 1 ? '' : 's'} · ${session.status}`;
  }

  /** The chosen session, or a new one named after the current time when none is chosen. */
  async ensure() {
    if (this.current) {
      return this.current;
    }
    // Files dropped twice in quick succession go into one new session.
    this.creating ??= this.create('').finally(() => {
      this.creating = null;
    });
    return this.creating;
  }

  async create(name) {
    const sessionName = name || `Upload ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`;
    const session = await post('/sessions', { session_name: sessionName });
    this.nameInput.value = '';
    this.current = session;
    await this.refresh().catch(() => this.sessions.set(String(session.id), session));
    this.select.value = String(session.id);
    this.describe();
    this.onChange(this.current);
    return session;
  }

  choose(id) {
    this.current = id ? this.sessions.get(id) || null : null;
    this.describe();
    this.onChange(this.current);
  }

  /** Keeps the shown state in step after an upload, finalize or process call. */
  update(fields) {
    if (this.current) {
      Object.assign(this.current, fields);
      const option = this.select.querySelector(`option[value="${CSS.escape(String(this.current.id))}"]`);
      if (option) {
        option.textContent = SessionPicker.label(this.current);
      }
      this.describe();
    }
  }

  acceptsUploads() {
    return !this.current || this.current.status === 'uploading';
  }

  describe() {
    if (!this.current) {
      this.say('No session selected: dropping files creates one.');
      return;
    }
    const session = this.current;
    const files = session.total_files ?? 0;
    const finalized = session.status !== 'uploading' ? ' It is finalized: create a new session to add more files.' : '';
    this.say(`Session “${session.session_name}” (#${session.id}): ${files} file${files === 1 ? '' : 's'}, ${session.status}.${finalized}`);
  }

  say(message, isError = false) {
    this.status.textContent = message;
    this.status.classList.toggle('error', isError);
  }
}
