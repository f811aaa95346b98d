// Pipeline choice: presets and custom pipelines, each with its one-line description and, for those that
// run over all the session's files, what they make of them.

import { get, listOf } from './api.js';
import { el } from './dom.js';

const DEFAULT_PIPELINE = 'quick_dso';
// a pipeline with `subs` runs once over all the session's files instead of once per file
const OVER_ALL_FILES = { stack: 'all files → one stack', analyze: 'all files → one report' };

export class PipelinePicker {
  constructor(fieldset, onChange) {
    this.fieldset = fieldset;
    this.onChange = onChange;
  }

  async load() {
    const pipelines = listOf(await get('/pipelines'), 'pipelines');
    const legend = this.fieldset.querySelector('legend');
    if (pipelines.length === 0) {
      this.fieldset.replaceChildren(legend, el('p', { className: 'note' }, 'No pipelines are configured on the server.'));
      return;
    }
    const preferred = pipelines.some((p) => p.name === DEFAULT_PIPELINE) ? DEFAULT_PIPELINE : pipelines[0].name;
    this.fieldset.replaceChildren(legend, ...pipelines.map((pipeline) => this.option(pipeline, pipeline.name === preferred)));
    this.onChange();
  }

  showError(message) {
    const legend = this.fieldset.querySelector('legend');
    this.fieldset.replaceChildren(legend, el('p', { className: 'error', role: 'alert' }, `Pipelines unavailable: ${message}`));
  }

  option(pipeline, checked) {
    const id = `pipeline-${pipeline.name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    const kind = pipeline.built_in ? 'preset' : 'custom';
    return el('div', { className: 'pipeline-option', dataset: { testid: 'pipeline-option', pipeline: pipeline.name } },
      el('input', { type: 'radio', name: 'pipeline', id, value: pipeline.name, checked, onchange: () => this.onChange() }),
      el('label', { for: id },
        el('span', { className: 'pipeline-name' }, pipeline.name),
        el('span', { className: `badge ${kind}` }, kind),
        ...(OVER_ALL_FILES[pipeline.subs] ? [el('span', { className: 'badge subs' }, OVER_ALL_FILES[pipeline.subs])] : []),
        el('span', { className: 'pipeline-description' }, pipeline.description || '')));
  }

  selected() {
    const checked = this.fieldset.querySelector('input[name="pipeline"]:checked');
    return checked ? checked.value : null;
  }
}
