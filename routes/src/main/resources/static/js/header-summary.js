// The FITS header summary of an uploaded file, as label/value pairs for display.

import { formatBytes, formatSeconds } from './format.js';

// The summary may sit on the file row itself or in a nested object.
const NESTED = ['header_summary', 'summary', 'header', 'metadata', 'fits_header'];

function find(row, ...names) {
  const candidates = [row, ...NESTED.map((key) => row && row[key]).filter((v) => v && typeof v === 'object')];
  for (const source of candidates) {
    for (const name of names) {
      const value = source[name];
      if (value !== undefined && value !== null && value !== '') {
        return value;
      }
    }
  }
  return undefined;
}

export function headerSummary(row) {
  const width = find(row, 'width', 'naxis1');
  const height = find(row, 'height', 'naxis2');
  const bytes = find(row, 'file_size_bytes', 'size_bytes', 'file_size', 'total_size_bytes');
  const entries = [
    ['Object', find(row, 'object', 'object_name', 'target')],
    ['Exposure', formatSeconds(find(row, 'exposure_seconds', 'exposure', 'exposureSeconds', 'exptime'))],
    ['Filter', find(row, 'filter', 'filter_name')],
    ['Size', width && height ? `${width} × ${height} px` : find(row, 'dimensions')],
    ['Planes', find(row, 'planes', 'naxis3')],
    ['Bayer', find(row, 'bayer_pattern', 'bayerPattern', 'bayer') || 'none'],
    ['File', formatBytes(bytes)],
  ];
  return entries.filter(([, value]) => value !== undefined && value !== null && value !== '');
}
