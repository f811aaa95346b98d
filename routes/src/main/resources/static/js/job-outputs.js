// The output files of a job as download links: the main output (listed first) at /download, the others with ?file=.

import { jobUrl } from './api.js';

export function outputsOf(job) {
  const names = Array.isArray(job.output_files) ? job.output_files : [];
  return names.map((name, index) => {
    const main = index === 0;
    return {
      name,
      main,
      url: main ? jobUrl(job.id, '/download') : jobUrl(job.id, `/download?file=${encodeURIComponent(name)}`),
      isJpeg: /\.jpe?g$/i.test(name),
    };
  });
}
