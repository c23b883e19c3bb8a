// Token usage across machines: every machine's usage file in OneDrive, merged by the sync service
// (/api/config-manager/machine-usage), drawn as inline SVG charts by machine, by model and per machine by
// model, with a range selector and a table.
//
//   import {mountMachineUsage} from '/assets/machine-usage.js';
//   const usage = mountMachineUsage(document.getElementById('machine-usage'));
//   usage.reload();

import {api, query} from '/assets/api.js';
import {h, replace, say} from '/assets/dom.js';
import {formatBytes, formatCompact, formatNumber} from '/assets/format.js';
import {mountChart, timeChart} from '/assets/charts.js';

const RANGES = [
  ['hour', 'The last hour'],
  ['day', 'The last day'],
  ['week', 'The last week'],
  ['month', 'The last month'],
  ['all', 'All time'],
];
const STEPS = {hour: 3600, day: 3600, week: 86400, month: 86400, all: 86400};
let mounted = 0;

/**
 * Renders the usage of every machine into `container` and loads it. Returns {reload()}.
 * The range starts at `options.range` (default "day").
 */
export function mountMachineUsage(container, options = {}) {
  const id = `machine-usage-${++mounted}`;
  const range = h('select', {id: `${id}-range`, name: 'range'},
      RANGES.map(([value, label]) => h('option', {value, selected: value === (options.range || 'day')}, label)));
  const message = h('p', {class: 'message', role: 'status'});
  const totals = h('div', {class: 'cards machine-usage-totals'});
  const byMachine = h('div', {class: 'machine-usage-chart', dataset: {chart: 'by-machine'}});
  const byModel = h('div', {class: 'machine-usage-chart', dataset: {chart: 'by-model'}});
  const perMachine = h('div', {class: 'machine-usage-machines'});
  const rows = h('tbody', {});
  const note = h('p', {class: 'muted small'});
  const charts = [];

  replace(container,
      h('form', {class: 'toolbar', onsubmit: (event) => event.preventDefault()},
          h('div', {class: 'field'}, h('label', {for: range.id}, 'Over'), range)),
      message, totals,
      h('div', {class: 'grid'},
          h('section', {}, h('h3', {}, 'Tokens per machine'), byMachine),
          h('section', {}, h('h3', {}, 'Tokens per model'), byModel)),
      perMachine,
      h('div', {class: 'table-wrap'}, h('table', {class: 'table machine-usage-table'},
          h('thead', {}, h('tr', {},
              h('th', {scope: 'col'}, 'Machine'), h('th', {scope: 'col'}, 'Model'),
              h('th', {scope: 'col', class: 'num'}, 'Requests'), h('th', {scope: 'col', class: 'num'}, 'Input'),
              h('th', {scope: 'col', class: 'num'}, 'Output'),
              h('th', {scope: 'col', class: 'num hide-narrow'}, 'Cache read'),
              h('th', {scope: 'col', class: 'num'}, 'Total tokens'),
              h('th', {scope: 'col', class: 'num hide-narrow'}, 'Data'))),
          rows)),
      note);

  function chartInto(target, title, times, step, seriesMap) {
    const names = Object.keys(seriesMap || {});
    const draw = (width) => timeChart({times, step, kind: 'bars', width, height: 200, label: title,
      series: names.map((name) => ({name, values: seriesMap[name]}))});
    charts.push(mountChart(target, draw));
  }

  async function reload() {
    const chosen = range.value;
    let usage;
    try {
      usage = await api(`/api/config-manager/machine-usage${query({range: chosen})}`);
    } catch (error) {
      say(message, 'error', `Could not load the usage of the machines: ${error.message}`);
      return;
    }
    say(message, usage.message ? 'info' : '', usage.message || '');
    const sum = usage.totals || {};
    replace(totals,
        stat('Machines', formatNumber((usage.machines || []).length)),
        stat('Requests', formatNumber(sum.request_count)),
        stat('Total tokens', formatCompact(sum.total_tokens)),
        stat('Data', formatBytes(sum.total_data)));
    charts.length = 0;
    const series = usage.timeseries || {};
    const times = series.times || [];
    const step = STEPS[chosen];
    chartInto(byMachine, 'Tokens per machine', times, step, series.by_machine);
    chartInto(byModel, 'Tokens per model', times, step, series.by_model);
    replace(perMachine, Object.entries(series.by_machine_model || {}).map(([machine, models]) => {
      const target = h('div', {class: 'machine-usage-chart', dataset: {chart: `machine:${machine}`}});
      const panel = h('details', {class: 'panel'}, h('summary', {}, `${machine}: tokens per model`),
          h('div', {class: 'panel-body'}, target));
      panel.addEventListener('toggle', () => {
        if (panel.open && !target.firstChild) chartInto(target, `${machine}: tokens per model`, times, step, models);
      });
      return panel;
    }));
    const list = usage.rows || [];
    replace(rows, list.length ? list.map((row) => h('tr', {dataset: {machine: row.machine, model: row.model_id}},
        h('td', {}, row.machine), h('td', {}, row.model_id),
        h('td', {class: 'num'}, formatNumber(row.request_count)),
        h('td', {class: 'num'}, formatNumber(row.input_tokens)),
        h('td', {class: 'num'}, formatNumber(row.output_tokens)),
        h('td', {class: 'num hide-narrow'}, formatNumber(row.cache_read_input_tokens)),
        h('td', {class: 'num'}, formatNumber(row.total_tokens)),
        h('td', {class: 'num hide-narrow'}, formatBytes(row.total_data))))
      : h('tr', {}, h('td', {colspan: '8', class: 'empty-state'}, 'No usage in this range.')));
    const skipped = Number(usage.skipped_lines) || 0;
    note.textContent = skipped
      ? `${skipped} unreadable line${skipped === 1 ? ' was' : 's were'} skipped (a file OneDrive is still bringing in).`
      : '';
  }

  range.addEventListener('change', reload);
  reload();
  return {reload};
}

function stat(label, value) {
  return h('div', {class: 'card stat'}, h('span', {class: 'stat-label'}, label), h('span', {class: 'stat-value'}, value));
}
