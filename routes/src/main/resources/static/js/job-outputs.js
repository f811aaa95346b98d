// The output files of a job as download links: the main output at /download, the others with ?file=.

import { jobUrl, parseJson } from './api.js';

function baseName(path) {
  return String(path).split(/[\\/]/).pop();
}

function fileList(value) {
  if (Array.isArray(value)) {
    return value;
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = parseJson(value);
    return Array.isArray(parsed) ? parsed : value.split(',').map((part) => part.trim()).filter(Boolean);
  }
  return [];
}

function describe(entry) {
  if (typeof entry === 'string') {
    return { name: baseName(entry) };
  }
  const name = entry.name || entry.file_name || entry.filename || entry.file || baseName(entry.path || '');
  return {
    name,
    main: entry.main === true,
    contentType: entry.content_type || entry.contentType || '',
    size: entry.size_bytes ?? entry.size,
  };
}

export function outputsOf(job) {
  const outputs = fileList(job.output_files).map(describe).filter((output) => output.name);
  // Without a flag from the server, the first listed output is the main one.
  const mainIndex = Math.max(0, outputs.findIndex((output) => output.main));
  return outputs.map((output, index) => {
    const main = index === mainIndex;
    return {
      ...output,
      main,
      url: main ? jobUrl(job.id, '/download') : jobUrl(job.id, `/download?file=${encodeURIComponent(output.name)}`),
      isJpeg: /\.jpe?g$/i.test(output.name) || output.contentType === 'image/jpeg',
    };
  });
}
