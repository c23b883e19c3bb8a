// Tokens & usage (/code-agent-manager): GitHub and Copilot token status, device login and sign-out, and
// token usage per machine over the last hour, day, week or month.

import {mountLayout, setLiveState} from '/assets/layout.js';
import {api, query, sse} from '/assets/api.js';
import {byId, h, replace, say, throttle} from '/assets/dom.js';
import {formatAgo, formatBytes, formatCompact, formatDateTime, formatNumber} from '/assets/format.js';
import {mountChart, timeChart} from '/assets/charts.js';
import {DeviceLogin} from '/assets/device-login.js';
import {mountMachineUsage} from '/assets/machine-usage.js';

mountLayout('tokens');
// Loaded when opened: it needs the sync service, which a server may run without.
byId('machine-usage-details').addEventListener('toggle', (event) => {
  if (event.target.open && !event.target.dataset.mounted) {
    event.target.dataset.mounted = 'true';
    mountMachineUsage(byId('machine-usage'));
  }
});

const SOURCES = {
  environment: 'the GITHUB_TOKEN environment variable',
  file: 'the token file in the config directory',
  device_flow: 'a device login',
  demo: 'demo mode (the simulator)',
  configured: 'the configuration',
  unconfigured: 'nowhere: not signed in',
};
const STEPS = {hour: 3600, day: 3600, week: 86400, month: 86400, all: 86400};

const message = byId('tokens-message');
const login = new DeviceLogin(byId('device-flow'), (status) => renderStatus(status));
let chart = null;
const knownUsers = new Set();

// ---------- token status ----------

function badge(ok, yes, no) {
  return h('span', {class: `badge ${ok ? 'badge-ok' : 'badge-warn'}`}, ok ? yes : no);
}

function facts(pairs) {
  return h('dl', {class: 'facts'}, pairs.filter(([, value]) => value !== null && value !== undefined && value !== '')
      .flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]));
}

function when(seconds) {
  return seconds ? `${formatDateTime(seconds)} (${formatAgo(seconds)})` : 'never';
}

function renderStatus(status) {
  const signedIn = Boolean(status.github_token_configured);
  replace(byId('github-badge'), badge(signedIn, 'Signed in', 'Not signed in'));
  replace(byId('github-status'), facts([
    ['Token from', SOURCES[status.github_token_source] || status.github_token_source],
    ['GitHub API', h('span', {class: 'mono small break'}, status.github_api_base_url)],
    ['Device login', status.github_device_flow_error || (status.github_oauth_base_url
      ? h('span', {class: 'mono small break'}, status.github_oauth_base_url) : null)],
  ]));
  byId('login-button').textContent = signedIn ? 'Sign in again' : 'Sign in with GitHub';
  byId('login-button').disabled = Boolean(status.github_device_flow_error);
  byId('logout-button').disabled = !signedIn;

  const copilotReady = Boolean(status.copilot_token_configured);
  const expires = Number(status.copilot_token_expires_at) || 0;
  replace(byId('copilot-badge'), badge(copilotReady, 'Token ready', 'No token'));
  replace(byId('copilot-status'), facts([
    ['Token expires', expires ? `${formatDateTime(expires)}${expires * 1000 < Date.now() ? ' (expired; renewed when needed)' : ''}` : '–'],
    ['Last refresh', when(Number(status.last_refresh_attempt_at) || 0)],
    ['Last success', when(Number(status.last_refresh_success_at) || 0)],
    ['Last error', status.last_refresh_error ? h('span', {class: 'field-error'}, status.last_refresh_error) : null],
    ['Copilot API', status.copilot_api_base_url ? h('span', {class: 'mono small break'}, status.copilot_api_base_url) : 'the default for the account type'],
  ]));
}

let statusFailed = false;

async function loadStatus({resumeLogin = false} = {}) {
  try {
    const status = await api('/api/config-manager/token-status');
    if (statusFailed) say(message, '', '');
    statusFailed = false;
    renderStatus(status);
    if (resumeLogin && status.device_flow && ['starting', 'pending', 'completing'].includes(status.device_flow.status)) {
      login.follow(status.device_flow);
    }
  } catch (error) {
    statusFailed = true;
    say(message, 'error', `Could not load the token status: ${error.message}`);
  }
}

byId('login-button').addEventListener('click', () => login.start());
byId('logout-button').addEventListener('click', async () => {
  if (!window.confirm('Sign out of GitHub on this server? The saved GitHub token is deleted; Copilot calls stop until you sign in again.')) return;
  try {
    const result = await api('/api/config-manager/github-token', {method: 'DELETE'});
    say(message, result.still_signed_in ? 'warn' : 'ok', result.message || 'Signed out.');
    replace(byId('device-flow'));
  } catch (error) {
    say(message, 'error', `Could not sign out: ${error.message}`);
  }
  loadStatus();
});

// ---------- usage ----------

function usageCard(id, label, value, sub) {
  return h('div', {class: 'card stat', dataset: {usage: id}},
      h('span', {class: 'stat-label'}, label), h('span', {class: 'stat-value'}, value),
      sub ? h('span', {class: 'stat-sub'}, sub) : null);
}

let usageTicket = 0;

async function loadUsage() {
  const range = byId('usage-range').value;
  const user = byId('usage-user').value;
  const ticket = ++usageTicket;
  let usage;
  try {
    usage = await api(`/api/config-manager/token-usage${query({range, user})}`);
    if (ticket !== usageTicket) return;
    say(byId('usage-message'), '', '');
  } catch (error) {
    if (ticket === usageTicket) say(byId('usage-message'), 'error', `Could not load token usage: ${error.message}`);
    return;
  }
  const totals = usage.totals || {};
  replace(byId('usage-totals'),
      usageCard('requests', 'Requests', formatNumber(totals.request_count)),
      usageCard('total', 'Total tokens', formatCompact(totals.total_tokens)),
      usageCard('input', 'Input', formatCompact(totals.input_tokens)),
      usageCard('output', 'Output', formatCompact(totals.output_tokens)),
      usageCard('cache', 'Cache read', formatCompact(totals.cache_read_input_tokens),
          `${formatCompact(totals.cache_creation_input_tokens)} written`),
      usageCard('data', 'Data', formatBytes(totals.total_data)));

  const series = usage.timeseries || {};
  const machines = Object.keys(series.by_machine || {});
  const draw = (width) => timeChart({times: series.times || [], step: STEPS[range], kind: 'line', width, height: 220,
    label: 'Tokens per machine', series: machines.map((machine) => ({name: machine, values: series.by_machine[machine]}))});
  if (chart) {
    chart.redraw(draw);
  } else {
    chart = mountChart(byId('usage-chart'), draw);
  }
  byId('usage-chart-title').textContent = `Tokens per machine, per ${series.granularity || 'hour'}`;

  const rows = usage.rows || [];
  replace(byId('usage-rows'), rows.length ? rows.map((row) => h('tr', {dataset: {machine: row.machine, model: row.model_id}},
      h('td', {}, row.machine), h('td', {}, row.model_id),
      h('td', {class: 'num'}, formatNumber(row.request_count)),
      h('td', {class: 'num'}, formatNumber(row.input_tokens)),
      h('td', {class: 'num'}, formatNumber(row.output_tokens)),
      h('td', {class: 'num hide-narrow'}, formatNumber(row.cache_read_input_tokens)),
      h('td', {class: 'num hide-narrow'}, formatNumber(row.cache_creation_input_tokens)),
      h('td', {class: 'num'}, formatNumber(row.total_tokens)),
      h('td', {class: 'num hide-narrow'}, formatBytes(row.total_data))))
    : h('tr', {}, h('td', {colspan: '9', class: 'empty-state'}, 'No usage in this range.')));

  const select = byId('usage-user');
  for (const name of usage.users || []) {
    if (knownUsers.has(name)) continue;
    knownUsers.add(name);
    select.append(new Option(name, name));
  }
}

byId('usage-filters').addEventListener('submit', (event) => event.preventDefault());
byId('usage-range').addEventListener('change', loadUsage);
byId('usage-user').addEventListener('change', loadUsage);

const usageSoon = throttle(loadUsage, 3000);
sse('/api/events', {
  events: {history: (event) => {
    if (event.kind !== 'started') usageSoon();
  }},
  onState: setLiveState,
  onOpen: ({reconnected}) => {
    if (reconnected) {
      loadStatus();
      loadUsage();
    }
  },
});

loadStatus({resumeLogin: true});
loadUsage();
