// Client for the /api/process REST API: JSON in and out, every failure turned into a plain sentence.

import { TOKEN_NEEDED, signIn } from './auth.js';

export const API_ROOT = '/api/process';

export const UNREACHABLE = 'Server unreachable – check that FitsFlow is running and try again.';

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/** The server's own reason from an error body {"error": "...", "detail": "..."}. */
export function reasonOf(body) {
  if (!body || typeof body !== 'object') {
    return '';
  }
  return body.detail || body.error || body.message || '';
}

export function describeFailure(status, body) {
  const reason = reasonOf(body);
  switch (status) {
    case 0:
      return UNREACHABLE;
    case 401:
      return TOKEN_NEEDED;
    case 413:
      return reason ? `File too large: ${reason}` : 'File too large for the server.';
    case 415:
      return reason ? `Not a usable FITS file: ${reason}` : 'Not a usable FITS file.';
    case 404:
      return reason ? `Not found: ${reason}` : 'Not found – it may have been deleted.';
    case 409:
      return reason || 'Not possible in the current state.';
    default:
      return reason ? `${reason} (HTTP ${status})` : `The server answered HTTP ${status}.`;
  }
}

/** Lists come either as a bare array or wrapped, e.g. {"jobs": [...]}. */
export function listOf(data, key) {
  if (Array.isArray(data)) {
    return data;
  }
  if (data && Array.isArray(data[key])) {
    return data[key];
  }
  return [];
}

export function parseJson(text) {
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    return null;
  }
}

/** Asks for the access token after a 401; rejects with an ApiError when the dialog is closed without it. */
export async function signInAfter401() {
  try {
    await signIn();
  } catch (e) {
    throw new ApiError(e.message, 401);
  }
}

export async function request(method, path, body, afterSignIn = false) {
  const headers = { Accept: 'application/json' };
  const init = { method, headers };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(API_ROOT + path, init);
  } catch (e) {
    throw new ApiError(UNREACHABLE, 0);
  }
  if (response.status === 401 && !afterSignIn) {
    await signInAfter401();
    return request(method, path, body, true);
  }
  const data = parseJson(await response.text());
  if (!response.ok) {
    throw new ApiError(describeFailure(response.status, data), response.status);
  }
  return data;
}

export const get = (path) => request('GET', path);
export const post = (path, body) => request('POST', path, body);

export function jobUrl(jobId, suffix = '') {
  return `${API_ROOT}/jobs/${encodeURIComponent(jobId)}${suffix}`;
}
