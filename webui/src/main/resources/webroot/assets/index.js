// The dashboard (/): totals, charts over time and by model / endpoint / user / node, proxy activity,
// and the recent requests, all kept current by the event feed (no polling).

import {mountLayout, setLiveState} from '/assets/layout.js';
import {api, query, sse} from '/assets/api.js';
import {byId, h, replace, say, throttle} from '/assets/dom.js';
import {barChart, mountChart, timeChart} from '/assets/charts.js';
import {formatCompact, formatNumber} from '/assets/format.js';
import {breakdownItems, METRICS} from '/assets/breakdown.js';
import {renderStatCards} from '/assets/stat-cards.js';
import {RecentList} from '/assets/recent-list.js';
import {startElapsedTicker} from '/assets/request-row.js';

mountLayout('dashboard');

const RANGE_STEPS = {hour: 3600, day: 3600, week: 86400, month: 86400};
const BREAKDOWNS = [
  ['chart-by-model', 'model_stats', 'Requests by model'],
  ['chart-by-endpoint', 'endpoint_stats', 'Requests by endpoint'],
  ['chart-by-user', 'user_stats', 'Requests by user'],
  ['chart-by-node', 'node_stats', 'Requests by node'],
];

const view = {
  user: '',
  range: byId('range-filter').value,
  metric: byId('breakdown-metric').value,
  stats: null,
  usage: null,
  knownUsers: new Set(),
};
const message = byId('dashboard-message');
const recent = new RecentList(byId('recent-rows'), 50);
const charts = {};
const problems = new Map();

/** Shows what could not be loaded; parts failing for the same reason share one sentence. */
function reportProblem(what, error) {
  if (error) {
    problems.set(what, error.message);
  } else {
    problems.delete(what);
  }
  const byReason = new Map();
  for (const [part, reason] of problems) {
    byReason.set(reason, [...(byReason.get(reason) || []), part]);
  }
  const sentences = [...byReason].map(([reason, parts]) => `Could not load ${listOf(parts)}: ${reason}`);
  say(message, sentences.length ? 'error' : '', sentences.join(' '));
}

function listOf(parts) {
  return parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function unavailable(id) {
  if (!charts[id] && byId(id).querySelector('.loading')) {
    replace(byId(id), h('p', {class: 'empty-state'}, 'Not available right now.'));
  }
}

// ---------- statistics: cards, breakdowns, counters ----------

const tickets = {stats: 0, series: 0, recent: 0};

async function loadStats() {
  const ticket = ++tickets.stats;
  try {
    const stats = await api(`/api/stats${query({user: view.user})}`);
    if (ticket !== tickets.stats) return false;
    view.stats = stats;
    reportProblem('the statistics', null);
  } catch (error) {
    if (ticket !== tickets.stats) return false;
    reportProblem('the statistics', error);
    if (!view.stats) {
      replace(byId('stat-cards'), h('p', {class: 'empty-state'}, 'Statistics are not available right now.'));
      unavailable('counters');
      BREAKDOWNS.forEach(([id]) => unavailable(id));
    }
    return false;
  }
  renderStatCards(byId('stat-cards'), view.stats);
  renderBreakdowns();
  renderCounters(view.stats.counters || {});
  rememberUsers(Object.keys(view.stats.user_stats || {}));
  markShown('stats');
  return true;
}

function renderBreakdowns() {
  const metric = METRICS[view.metric];
  for (const [id, field, label] of BREAKDOWNS) {
    const draw = (width) => barChart({items: breakdownItems(view.stats[field], view.metric), width,
      valueFormat: metric.format, label: label.replace('Requests', metric.label)});
    if (charts[id]) {
      charts[id].redraw(draw);
    } else {
      charts[id] = mountChart(byId(id), draw);
    }
  }
}

function renderCounters(counters) {
  const names = Object.keys(counters).sort();
  if (!names.length) {
    replace(byId('counters'), h('p', {class: 'empty-state'}, 'No proxy activity yet.'));
    return;
  }
  replace(byId('counters'), h('div', {class: 'table-wrap'}, h('table', {class: 'table', id: 'counters-table'},
      h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Counter'), h('th', {scope: 'col', class: 'num'}, 'Count'))),
      h('tbody', {}, names.map((name) => h('tr', {dataset: {counter: name}},
          h('td', {class: 'mono small'}, name), h('td', {class: 'num'}, formatNumber(counters[name]))))))));
}

function rememberUsers(users) {
  const select = byId('user-filter');
  for (const user of users) {
    if (view.knownUsers.has(user)) continue;
    view.knownUsers.add(user);
    select.append(h('option', {value: user}, user));
  }
}

// ---------- charts over time (the usage ledger's hourly buckets) ----------

async function loadSeries() {
  const ticket = ++tickets.series;
  try {
    const usage = await api(`/api/config-manager/token-usage${query({range: view.range, user: view.user})}`);
    if (ticket !== tickets.series) return;
    view.usage = usage;
    reportProblem('the charts', null);
  } catch (error) {
    if (ticket === tickets.series) {
      reportProblem('the charts', error);
      unavailable('chart-requests');
      unavailable('chart-tokens');
    }
    return;
  }
  const series = view.usage.timeseries || {};
  const times = series.times || [];
  const totals = series.totals || {};
  const step = RANGE_STEPS[view.range];
  const requestsDraw = (width) => timeChart({times, step, kind: 'bars', width, height: 190, label: 'Requests over time',
    series: [{name: 'Requests', values: totals.request_count || []}]});
  const tokensDraw = (width) => timeChart({times, step, kind: 'line', width, height: 190, label: 'Tokens over time',
    yFormat: formatCompact,
    series: [
      {name: 'Input', values: totals.input_tokens || []},
      {name: 'Output', values: totals.output_tokens || []},
      {name: 'Cache read', values: totals.cache_read_input_tokens || []},
    ]});
  drawChart('chart-requests', requestsDraw);
  drawChart('chart-tokens', tokensDraw);
}

function drawChart(id, draw) {
  if (charts[id]) {
    charts[id].redraw(draw);
  } else {
    charts[id] = mountChart(byId(id), draw);
  }
}

// ---------- recent requests ----------

async function loadRecent() {
  const ticket = ++tickets.recent;
  try {
    const page = await api(`/api/requests${query({per_page: 50, user: view.user})}`);
    if (ticket !== tickets.recent) return false;
    recent.reset(page.items || []);
    reportProblem('the recent requests', null);
    updateRecentStatus();
    markShown('recent');
    return true;
  } catch (error) {
    if (ticket !== tickets.recent) return false;
    reportProblem('the recent requests', error);
    if (!recent.items.length) {
      replace(byId('recent-rows'), h('tr', {}, h('td', {colspan: '8', class: 'empty-state'},
          'Recent requests are not available right now.')));
    }
    return false;
  }
}

/** "2 in progress": announced politely, and only when the number changes. */
function updateRecentStatus() {
  const running = recent.inFlightCount();
  const text = running ? `${running} in progress` : '';
  const status = byId('recent-status');
  if (status.textContent !== text) status.textContent = text;
}

// ---------- live updates ----------

const statsSoon = throttle(loadStats, 1000);
const seriesSoon = throttle(loadSeries, 5000);
const everythingSoon = throttle(() => {
  loadStats();
  loadRecent();
  loadSeries();
}, 1000);

function onHistory(event) {
  const summary = event && event.summary;
  if (event.kind === 'imported' || event.kind === 'cleared') {
    everythingSoon();
    return;
  }
  if (!summary || !summary.id) return;
  if (view.user && (summary.user_id || 'anonymous') !== view.user) return;
  recent.upsert(summary);
  updateRecentStatus();
  if (event.kind === 'completed') {
    statsSoon();
    seriesSoon();
  }
}

sse('/api/events', {
  events: {history: onHistory},
  onState: setLiveState,
  onOpen: ({reconnected}) => {
    if (reconnected || problems.size) everythingSoon();
  },
});

// ---------- controls ----------

byId('dashboard-filters').addEventListener('submit', (event) => event.preventDefault());
byId('user-filter').addEventListener('change', (event) => {
  view.user = event.target.value;
  loadStats();
  loadRecent();
  loadSeries();
});
byId('range-filter').addEventListener('change', (event) => {
  view.range = event.target.value;
  loadSeries();
});
byId('breakdown-metric').addEventListener('change', (event) => {
  view.metric = event.target.value;
  if (view.stats) renderBreakdowns();
});

// ---------- first load: ready once the figures and the recent list are on screen ----------

const shown = new Set();

/** Marks the page ready (performance mark "dashboard-ready", body[data-ready]) once both parts are shown. */
function markShown(part) {
  shown.add(part);
  if (shown.has('stats') && shown.has('recent') && !document.body.dataset.ready) {
    performance.mark('dashboard-ready');
    document.body.dataset.ready = 'true';
  }
}

startElapsedTicker();
loadStats();
loadRecent();
loadSeries();
