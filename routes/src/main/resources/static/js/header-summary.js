// The FITS header summary of an uploaded file (its "header" object), as label/value pairs for display.

import { formatBytes, formatSeconds } from './format.js';

export function headerSummary(file) {
  const header = file.header || {};
  const entries = [
    ['Object', header.object],
    ['Exposure', formatSeconds(header.exposure_seconds)],
    ['Filter', header.filter],
    ['Size', header.width && header.height ? `${header.width} × ${header.height} px` : ''],
    ['Planes', header.planes],
    ['Bayer', header.bayer_pattern || 'none'],
    ['Stacked frames', header.stack_count],
    ['File', formatBytes(file.size_bytes)],
  ];
  return entries.filter(([, value]) => value !== undefined && value !== null && value !== '');
}
