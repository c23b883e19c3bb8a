// The agents page (/agent): start a code-agent session (Claude Code, Codex, Copilot CLI, or any agent
// configured in acp_agents) in a folder, chat with it, and browse earlier sessions.

import {mountLayout} from '/assets/layout.js';
import {api, query} from '/assets/api.js';
import {byId, h, replace, say} from '/assets/dom.js';
import {FolderPicker} from '/assets/agents-folders.js';
import {SessionView} from '/assets/agents-session.js';

mountLayout('agents');

const message = byId('agents-message');
const form = byId('new-session');
const kindSelect = byId('agent-kind');
const kindHint = byId('agent-kind-hint');
const folderInput = byId('working-directory');
const recentList = byId('recent-dirs');
const sessionList = byId('session-list');
const viewBox = byId('session-view');
const picker = new FolderPicker(byId('folder-picker'), {choose: (path) => { folderInput.value = path; }});

let overview = {agents: [], workdirs: []};
let view = null;

async function loadOverview() {
  overview = await api('/api/agent');
  replace(kindSelect, overview.agents.map((agent) => h('option', {value: agent.kind, disabled: !agent.available},
      agent.available ? agent.name : `${agent.name} (not installed)`)));
  const first = overview.agents.find((agent) => agent.available);
  if (first) kindSelect.value = first.kind;
  showKindHint();
  replace(recentList, overview.workdirs.map((dir) => h('option', {value: dir})));
  if (!folderInput.value && overview.workdirs.length) folderInput.value = overview.workdirs[0];
  byId('auto-approve').value = overview.auto_approve || 'ask';
  if (!overview.gateway.enabled) {
    say(message, 'warn', 'Agents use their own model settings: routing through this gateway is off (acp_route_through_gateway).');
  }
}

function showKindHint() {
  const agent = overview.agents.find((a) => a.kind === kindSelect.value);
  const missing = overview.agents.filter((a) => !a.available);
  const program = agent ? String(agent.path || agent.command).split('/').pop() : '';
  replace(kindHint, agent ? h('span', {title: [agent.path || agent.command].concat(agent.args || []).join(' ')},
      `Runs ${program}`, agent.gateway !== 'none' ? ' with its model calls sent to this gateway.' : '.') : '');
  if (missing.length) {
    kindHint.append(h('details', {class: 'agent-missing'},
        h('summary', {}, `Not installed: ${missing.map((a) => a.name).join(', ')}`),
        missing.map((a) => h('p', {}, a.problem))));
  }
}

async function loadSessions() {
  let page;
  try {
    page = await api(`/api/agent/sessions${query({per_page: 100})}`);
  } catch (e) {
    replace(sessionList, h('li', {class: 'message message-error'}, e.message));
    return;
  }
  if (!page.items.length) {
    replace(sessionList, h('li', {class: 'empty-state small'}, 'No sessions yet.'));
    return;
  }
  replace(sessionList, page.items.map((item) => h('li', {},
      h('button', {type: 'button', class: ['agent-session-item', view && view.id === item.id ? 'selected' : null],
        dataset: {sessionId: item.id}, 'aria-current': view && view.id === item.id ? 'true' : null,
        onclick: () => openSession(item.id)},
      h('span', {class: 'agent-session-name'}, item.title || 'New session'),
      h('span', {class: 'muted small'}, `${item.agent_name || item.agent_kind} · ${shortPath(item.working_directory)}`),
      h('span', {class: `badge small ${badgeOf(item.status)}`}, item.status)))));
}

function badgeOf(status) {
  return {ready: 'badge-ok', prompting: 'badge-live', failed: 'badge-err', disconnected: 'badge-warn'}[status] || '';
}

function shortPath(path) {
  const parts = String(path || '').split('/').filter(Boolean);
  return parts.length > 2 ? `…/${parts.slice(-2).join('/')}` : path;
}

async function openSession(id) {
  if (view) view.close();
  view = new SessionView(viewBox, id, {onChange: () => loadSessions()});
  const url = new URL(window.location.href);
  url.searchParams.set('session', id);
  window.history.replaceState(null, '', url);
  try {
    await view.open();
  } catch (e) {
    replace(viewBox, h('p', {class: 'message message-error'}, e.message));
  }
  loadSessions();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const start = byId('start-session');
  start.disabled = true;
  say(message, 'info', 'Starting the agent…');
  try {
    const created = await api('/api/agent/sessions', {json: {
      agent_kind: kindSelect.value,
      working_directory: folderInput.value.trim(),
      auto_approve: byId('auto-approve').value,
    }});
    say(message, '', '');
    await openSession(created.id);
    loadOverview().catch(() => {});
  } catch (e) {
    say(message, 'error', e.message);
  } finally {
    start.disabled = false;
  }
});

kindSelect.addEventListener('change', showKindHint);
byId('browse-folders').addEventListener('click', () => picker.toggle(folderInput.value.trim() || overview.home,
    overview.workdirs));
byId('refresh-sessions').addEventListener('click', () => loadSessions());

(async function start() {
  try {
    await loadOverview();
  } catch (e) {
    say(message, 'error', e.message);
  }
  await loadSessions();
  const wanted = new URLSearchParams(window.location.search).get('session');
  if (wanted) openSession(wanted);
})();
