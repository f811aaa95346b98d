// Words and numbers of the gallery: integration times, nights, FWHM.

/** 5400 → "1 h 30 min", 300 → "5 min", 40 → "40 s". */
export function formatIntegration(seconds) {
  const value = Number(seconds);
  if (!Number.isFinite(value) || value <= 0) {
    return '0 s';
  }
  if (value < 60) {
    return `${Math.round(value)} s`;
  }
  const minutes = Math.round(value / 60);
  if (minutes < 60) {
    return `${minutes} min`;
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** 10 → "10 s", 2.5 → "2.5 s". */
export function formatExposure(seconds) {
  const exposure = Number(seconds);
  return `${Number.isInteger(exposure) ? exposure : exposure.toFixed(1)} s`;
}

/** 30 subs of 10 s → "30 × 10 s". */
export function formatSubs(count, exposureSeconds) {
  return `${count ?? 0} × ${formatExposure(exposureSeconds)}`;
}

export function formatArcsec(arcsec, px) {
  if (arcsec === null || arcsec === undefined) {
    return '–';
  }
  const pixels = px === null || px === undefined ? '' : ` (${Number(px).toFixed(1)} px)`;
  return `${Number(arcsec).toFixed(1)}″${pixels}`;
}

/** The job that made a picture, read from its address (/api/process/jobs/{id}/...). */
export function jobIdOf(url) {
  const match = /\/jobs\/(\d+)\//.exec(url || '');
  return match ? Number(match[1]) : null;
}
