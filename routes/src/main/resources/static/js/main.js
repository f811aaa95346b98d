// Wires the processing page: session → uploads → pipeline → jobs with live progress.

import { ApiError, post, listOf } from './api.js';
import { describeSignIn, signOut } from './auth.js';
import { JobCard } from './job-card.js';
import { PipelinePicker } from './pipelines.js';
import { RecentJobs } from './recent-jobs.js';
import { SessionPicker } from './sessions.js';
import { UploadList } from './upload-list.js';

const byId = (id) => document.getElementById(id);

const processButton = byId('process-button');
const processStatus = byId('process-status');
const fileInput = byId('file-input');
const dropZone = byId('drop-zone');
const jobCards = new Map();

const sessions = new SessionPicker({
  form: byId('session-form'),
  nameInput: byId('session-name'),
  select: byId('session-select'),
  status: byId('session-status'),
}, () => updateProcessButton());
const uploads = new UploadList(byId('upload-list'));
const pipelines = new PipelinePicker(byId('pipeline-list'), () => updateProcessButton());
const recent = new RecentJobs(byId('recent-jobs'), byId('recent-status'), (job, session) => showJob(job, session));

function updateProcessButton() {
  const session = sessions.current;
  const ready = session && (session.total_files ?? 0) > 0 && !uploads.busy() && pipelines.selected();
  processButton.disabled = !ready;
}

function say(element, message, isError = false) {
  element.textContent = message;
  element.classList.toggle('error', isError);
}

async function addFiles(fileList) {
  const files = [...fileList];
  if (files.length === 0) {
    return;
  }
  if (!sessions.acceptsUploads()) {
    uploads.reject(files, 'This session is finalized – create a new session to add files.');
    return;
  }
  let session;
  try {
    session = await sessions.ensure();
  } catch (error) {
    uploads.reject(files, `No session to upload into: ${error.message}`);
    return;
  }
  uploads.add(files, session.id, byId('file-type').value, async (fileRow) => {
    if (fileRow) {
      // The server's file count and size, rather than a count kept here.
      await sessions.refresh().catch((error) => sessions.say(error.message, true));
    }
    updateProcessButton();
  });
  updateProcessButton();
}

async function finalize(session) {
  if (session.status !== 'uploading') {
    return;
  }
  try {
    const finalized = await post(`/sessions/${encodeURIComponent(session.id)}/finalize`);
    sessions.update(finalized);
  } catch (error) {
    // 409: already finalized elsewhere, which is what we want.
    if (!(error instanceof ApiError && error.status === 409)) {
      throw error;
    }
  }
}

async function processSession() {
  const session = sessions.current;
  const pipeline = pipelines.selected();
  processButton.disabled = true;
  say(processStatus, `Starting ${pipeline}…`);
  try {
    await finalize(session);
    const response = await post(`/sessions/${encodeURIComponent(session.id)}/process`, { pipeline_name: pipeline });
    let jobs = listOf(response, 'jobs');
    if (jobs.length === 0 && response && response.id !== undefined) {
      jobs = [response];
    }
    jobs.forEach((job) => showJob(job, session));
    say(processStatus, `Started ${jobs.length} job${jobs.length === 1 ? '' : 's'} with ${pipeline}.`);
    sessions.refresh().catch(() => {});
    recent.refresh();
  } catch (error) {
    say(processStatus, `Could not start processing: ${error.message}`, true);
  } finally {
    updateProcessButton();
  }
}

function showJob(job, session) {
  let card = jobCards.get(String(job.id));
  if (!card) {
    card = new JobCard(job, session, () => recent.refresh());
    jobCards.set(String(job.id), card);
    byId('job-cards').prepend(card.element);
    byId('jobs-empty').hidden = true;
    card.watch();
  }
  card.element.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
}

fileInput.addEventListener('change', () => {
  addFiles(fileInput.files);
  fileInput.value = '';
});

dropZone.addEventListener('dragover', (event) => {
  event.preventDefault();
  dropZone.classList.add('dragging');
});
dropZone.addEventListener('dragleave', () => dropZone.classList.remove('dragging'));
dropZone.addEventListener('drop', (event) => {
  event.preventDefault();
  dropZone.classList.remove('dragging');
  addFiles(event.dataTransfer.files);
});
// A file dropped beside the zone must not make the browser navigate away from the page.
for (const type of ['dragover', 'drop']) {
  window.addEventListener(type, (event) => event.preventDefault());
}

processButton.addEventListener('click', processSession);
byId('sign-out').addEventListener('click', signOut);

describeSignIn();
sessions.describe();
sessions.refresh().catch((error) => sessions.say(error.message, true));
pipelines.load().catch((error) => pipelines.showError(error.message));
recent.start();
