// Uploads one file with XMLHttpRequest, because fetch cannot report upload progress.

import { API_ROOT, ApiError, UNREACHABLE, describeFailure, parseJson } from './api.js';

/**
 * POST /sessions/{id}/upload as multipart field "file".
 * Resolves with the file row (with its FITS header summary), rejects with an ApiError in plain words.
 */
export function uploadFile(sessionId, file, fileType, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_ROOT}/sessions/${encodeURIComponent(sessionId)}/upload`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) {
        onProgress(event.loaded / event.total);
      }
    };
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body || {});
      } else {
        reject(new ApiError(describeFailure(xhr.status, body), xhr.status));
      }
    };
    xhr.onerror = () => reject(new ApiError(UNREACHABLE, 0));
    xhr.onabort = () => reject(new ApiError('Upload cancelled.', 0));
    const form = new FormData();
    form.append('file', file, file.name);
    form.append('file_type', fileType);
    xhr.send(form);
  });
}
