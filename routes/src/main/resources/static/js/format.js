// Human-readable numbers, sizes and times.

export function formatBytes(bytes) {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes)) {
    return '';
  }
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export function formatPercent(percent) {
  const value = Number(percent);
  if (!Number.isFinite(value)) {
    return '0 %';
  }
  return `${Math.round(Math.min(100, Math.max(0, value)))} %`;
}

export function formatSeconds(seconds) {
  const value = Number(seconds);
  if (seconds === null || seconds === undefined || seconds === '' || !Number.isFinite(value)) {
    return '';
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} s`;
}

/** ISO-8601 UTC timestamps from the API, shown in the viewer's time zone. */
export function formatTime(iso) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return String(iso);
  }
  return date.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
}
