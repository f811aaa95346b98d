// Uploads one file with XMLHttpRequest, because fetch cannot report upload progress.

import { API_ROOT, ApiError, UNREACHABLE, describeFailure, parseJson, signInAfter401 } from './api.js';

/**
 * POST /sessions/{id}/upload with the file as the whole body and its name in the query: nothing to
 * build here, and nothing for the server to search for part boundaries.
 * Resolves with the file row (with its FITS header summary), rejects with an ApiError in plain words.
 * A 401 asks for the access token, then sends the file once more.
 */
export function uploadFile(sessionId, file, fileType, onProgress, afterSignIn = false) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const query = new URLSearchParams({ filename: file.name, file_type: fileType });
    xhr.open('POST', `${API_ROOT}/sessions/${encodeURIComponent(sessionId)}/upload?${query}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) {
        onProgress(event.loaded / event.total);
      }
    };
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status === 401 && !afterSignIn) {
        signInAfter401().then(() => uploadFile(sessionId, file, fileType, onProgress, true)).then(resolve, reject);
      } else if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body || {});
      } else {
        reject(new ApiError(describeFailure(xhr.status, body), xhr.status));
      }
    };
    xhr.onerror = () => reject(new ApiError(UNREACHABLE, 0));
    xhr.onabort = () => reject(new ApiError('Upload cancelled.', 0));
    xhr.send(file);
  });
}
