// Sync & tools (/code-agent-manager/config): config sync through OneDrive (status, differences, push and
// pull with confirmation), the config hash of every machine, software versions, installing the code-agent
// tools with live progress, and token usage across machines.

import {mountLayout} from '/assets/layout.js';
import {api, query} from '/assets/api.js';
import {byId, h, replace, say} from '/assets/dom.js';
import {mountMachineUsage} from '/assets/machine-usage.js';

mountLayout('sync');

const STATES = {
  in_sync: ['In sync', 'badge-ok'],
  local_only: ['Only on this machine', 'badge-info'],
  onedrive_only: ['Only in OneDrive', 'badge-info'],
  local_changed: ['Changed here', 'badge-warn'],
  onedrive_changed: ['Changed in OneDrive', 'badge-warn'],
  conflict: ['Conflict', 'badge-err'],
  missing: ['Missing on both sides', 'badge-info'],
};
const MAX_OUTPUT_LINES = 500;

const syncMessage = byId('sync-message');
let syncStatus = null;

// ---------- config sync ----------

function facts(pairs) {
  return h('dl', {class: 'facts'}, pairs.filter(([, value]) => value !== null && value !== undefined && value !== '')
      .flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]));
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '–';
}

function stateBadge(state) {
  const [label, kind] = STATES[state] || [state, 'badge-info'];
  return h('span', {class: `badge ${kind}`, dataset: {state}}, label);
}

function renderStatus(status) {
  syncStatus = status;
  const ready = status.enabled && status.onedrive_found;
  replace(byId('sync-badge'), h('span', {class: `badge ${ready ? 'badge-ok' : 'badge-warn'}`},
      !status.enabled ? 'Off' : ready ? 'On' : 'OneDrive not found'));
  replace(byId('sync-summary'),
      status.message ? h('p', {class: 'message message-info', id: 'sync-disabled'}, status.message) : null,
      facts([
        ['This machine', status.machine],
        ['OneDrive', status.onedrive_path ? h('span', {class: 'mono small break'}, status.onedrive_path) : null],
        ['Shared copies', status.sync_root ? h('span', {class: 'mono small break'}, status.sync_root) : null],
        ['Conflicts', status.conflicts && status.conflicts.length ? status.conflicts.join(', ') : null],
      ]));
  const files = Object.entries(status.files || {});
  replace(byId('sync-rows'), files.length ? files.map(([key, file]) => h('tr', {dataset: {file: key, state: file.state}},
      h('td', {}, h('input', {type: 'checkbox', class: 'sync-select', value: key, checked: file.state !== 'in_sync'
        && file.state !== 'missing', 'aria-label': `Select ${file.label}`})),
      h('td', {}, h('span', {class: 'sync-file-name'}, file.label), h('span', {class: 'sync-path'}, file.local_path)),
      h('td', {}, stateBadge(file.state), file.conflict_reason ? h('span', {class: 'sync-reason'}, file.conflict_reason) : null),
      h('td', {class: 'hide-narrow'}, file.local_exists ? when(file.local_modified_at) : 'none'),
      h('td', {class: 'hide-narrow'}, file.sync_exists ? when(file.sync_modified_at) : 'none'),
      h('td', {class: 'hide-narrow'}, file.last_sync ? `${file.last_sync.action} · ${when(file.last_sync.at)}` : 'never'),
      h('td', {}, h('button', {type: 'button', class: 'btn-small', disabled: !file.different,
        onclick: () => showDiff(key, file.label)}, 'Differences'))))
    : h('tr', {}, h('td', {colspan: '7', class: 'empty-state'},
        status.enabled ? 'Nothing to show until a OneDrive folder is found.' : 'Config sync is off.')));
  byId('push-button').disabled = !ready;
  byId('pull-button').disabled = !ready;
}

async function loadStatus() {
  try {
    renderStatus(await api('/api/config-manager/sync/status'));
  } catch (error) {
    say(syncMessage, 'error', `Could not load the sync status: ${error.message}`);
  }
}

function selectedFiles() {
  return [...document.querySelectorAll('.sync-select:checked')].map((box) => box.value);
}

async function copy(direction) {
  const files = selectedFiles();
  if (!files.length) {
    say(syncMessage, 'warn', 'Select at least one file.');
    return;
  }
  const force = byId('force-box').checked;
  const labels = files.map((key) => syncStatus.files[key].label).join(', ');
  const question = direction === 'push'
    ? `Push ${labels} to OneDrive? The OneDrive copies are replaced (the old ones are kept as backups).`
    : `Pull ${labels} from OneDrive? The files on this machine are replaced (each is backed up first; Codex keeps its [projects.*]).`;
  if (!window.confirm(question + (force ? '\n\nForce is on: changes made on the other side are overwritten too.' : ''))) return;
  say(syncMessage, 'info', direction === 'push' ? 'Pushing…' : 'Pulling…');
  try {
    const result = await api(`/api/config-manager/sync/${direction}`, {json: {files, force}});
    const copied = Object.keys(result.copied || {});
    const backups = Object.values(result.backups || {});
    const skipped = Object.entries(result.skipped || {}).map(([key, reason]) => `${key}: ${reason}`);
    say(syncMessage, 'ok', [
      copied.length ? `${direction === 'push' ? 'Pushed' : 'Pulled'} ${copied.join(', ')}.` : 'Nothing needed copying.',
      backups.length ? `Backups: ${backups.join(', ')}.` : '',
      skipped.length ? `Skipped: ${skipped.join('; ')}.` : '',
    ].filter(Boolean).join(' '));
    byId('force-box').checked = false;
    renderStatus(result.status ? Object.assign({}, syncStatus, result.status) : syncStatus);
  } catch (error) {
    const hint = error.status === 409 ? ' Look at the differences; tick “Overwrite…” to force it.' : '';
    say(syncMessage, 'error', `${error.message}${hint}`);
  }
  loadStatus();
  loadHashes();
}

async function showDiff(key, label) {
  const view = byId('diff-view');
  view.hidden = false;
  byId('diff-title').textContent = `Differences: ${label}`;
  replace(byId('diff-lines'), h('span', {class: 'loading'}, 'Loading…'));
  try {
    const diff = await api(`/api/config-manager/sync/diff${query({file: key})}`);
    const notes = [];
    if (!diff.onedrive_exists) notes.push('There is no copy in OneDrive yet.');
    if (!diff.local_exists) notes.push('This machine has no such file.');
    if (diff.secrets_changed && diff.secrets_changed.length) notes.push(`Secret values changed: ${diff.secrets_changed.join(', ')}.`);
    if (diff.truncated) notes.push('Only the first part of the differences is shown.');
    if (diff.note) notes.push(diff.note);
    say(byId('diff-note'), notes.length ? 'info' : '', notes.join(' '));
    replace(byId('diff-lines'), (diff.lines || []).map(diffLine));
  } catch (error) {
    replace(byId('diff-lines'));
    say(byId('diff-note'), 'error', `Could not load the differences: ${error.message}`);
  }
}

function diffLine(line) {
  if (line.op === 'skip') {
    return h('span', {class: 'diff-line diff-skip'}, `… ${line.count} unchanged line${line.count === 1 ? '' : 's'}`);
  }
  const mark = line.op === 'onedrive' ? '− ' : line.op === 'local' ? '+ ' : '  ';
  const kind = line.op === 'context' ? '' : `diff-${line.op}`;
  return h('span', {class: ['diff-line', kind, line.secret ? 'diff-secret' : ''],
    title: line.secret ? 'a secret value, hidden' : null}, mark + line.text);
}

// ---------- hashes ----------

async function loadHashes() {
  let hashes;
  try {
    hashes = await api('/api/config-manager/sync/hashes');
  } catch (error) {
    replace(byId('hash-rows'), h('tr', {}, h('td', {colspan: '4', class: 'empty-state'}, error.message)));
    return;
  }
  const shared = hashes.shared_hash;
  replace(byId('shared-hash'), shared && shared.hash
    ? facts([['OneDrive copies', h('span', {class: 'hash', title: shared.hash}, shared.hash)]]) : null);
  const machines = hashes.machines || [];
  replace(byId('hash-rows'), machines.length ? machines.map((machine) => h('tr', {dataset: {machine: machine.machine}},
      h('td', {}, machine.machine, machine.this_machine ? h('span', {class: 'muted'}, ' (this one)') : null),
      h('td', {}, h('span', {class: 'hash', title: machine.hash || ''}, (machine.hash || '–').slice(0, 12))),
      h('td', {class: 'hide-narrow'}, when(machine.modified_at)),
      h('td', {}, machine.matches_shared ? h('span', {class: 'badge badge-ok'}, 'Yes') : h('span', {class: 'badge badge-warn'}, 'No'))))
    : h('tr', {}, h('td', {colspan: '4', class: 'empty-state'},
        hashes.enabled && hashes.onedrive_found ? 'No machine has written a hash yet.' : 'Config sync is off.')));
}

// ---------- versions ----------

async function loadVersions() {
  const button = byId('versions-button');
  button.disabled = true;
  replace(byId('version-rows'), h('tr', {}, h('td', {colspan: '3', class: 'loading'}, 'Checking…')));
  try {
    const result = await api('/api/config-manager/software-versions');
    replace(byId('version-rows'), (result.tools || []).map((tool) => h('tr', {dataset: {tool: tool.id}},
        h('td', {}, tool.name),
        h('td', {}, tool.installed ? h('span', {title: tool.detail || ''}, tool.version)
          : h('span', {class: 'badge badge-warn'}, 'Not installed')),
        h('td', {class: 'hide-narrow'}, tool.path ? h('span', {class: 'mono small break'}, tool.path) : '–'))));
  } catch (error) {
    replace(byId('version-rows'), h('tr', {}, h('td', {colspan: '3', class: 'empty-state'}, error.message)));
  } finally {
    button.disabled = false;
  }
}

// ---------- install ----------

async function loadInstallInfo() {
  try {
    const info = await api('/api/config-manager/install-tools');
    replace(byId('install-packages'), (info.packages || []).map((item) => h('label', {},
        h('input', {type: 'checkbox', class: 'install-select', value: item.id, checked: true}),
        h('span', {}, item.id), h('code', {class: 'small'}, item.package))));
    if (info.running) {
      say(byId('install-message'), 'info', `An installation is running (started ${when(info.running.started_at)}).`);
    } else if (info.last_run && info.last_run.result) {
      const ok = info.last_run.result.ok;
      say(byId('install-message'), ok ? 'ok' : 'warn',
          `Last installation ${ok ? 'succeeded' : 'failed'} (${when(info.last_run.finished_at)}).`);
    }
  } catch (error) {
    say(byId('install-message'), 'error', `Could not load the packages: ${error.message}`);
  }
}

function stepItem(id) {
  let item = document.querySelector(`#install-steps li[data-id="${CSS.escape(id)}"]`);
  if (!item) {
    item = h('li', {dataset: {id}}, h('span', {class: 'step-name'}, id), h('span', {class: 'step-state'}));
    byId('install-steps').append(item);
  }
  return item;
}

function setStep(id, kind, label, detail) {
  const item = stepItem(id);
  replace(item.querySelector('.step-state'), h('span', {class: `badge ${kind}`}, label),
      detail ? h('span', {class: 'muted small'}, ` ${detail}`) : null);
}

function addOutput(text, stream) {
  const output = byId('install-output');
  output.append(h('span', {class: stream === 'stderr' ? 'stderr' : ''}, `${text}\n`));
  while (output.childNodes.length > MAX_OUTPUT_LINES) output.firstChild.remove();
  output.scrollTop = output.scrollHeight;
}

const INSTALL_EVENTS = {
  started: (data) => {
    (data.packages || []).forEach((item) => setStep(item.id, 'badge-info', 'waiting'));
    addOutput(`npm: ${data.npm || 'not found'} · log: ${data.log_file}`);
  },
  backup: (data) => addOutput(`backup of ${data.file}: ${data.backup}`),
  step: (data) => {
    setStep(data.id, 'badge-info badge-live', 'installing', data.command);
    addOutput(`$ ${data.command}`);
  },
  output: (data) => addOutput(data.line, data.stream),
  output_truncated: (data) => addOutput(`(more output of ${data.id} is in the log file)`),
  step_done: (data) => setStep(data.id, data.ok ? 'badge-ok' : 'badge-err', data.ok ? 'installed' : 'failed',
      data.ok ? `${Math.round((data.duration_ms || 0) / 100) / 10} s` : data.error),
  done: (data) => say(byId('install-message'), data.ok ? 'ok' : 'error', data.ok
    ? `All installed. Log: ${data.log_file}`
    : `${data.error || 'Some packages failed'}. Log: ${data.log_file}`),
};

async function install() {
  const tools = [...document.querySelectorAll('.install-select:checked')].map((box) => box.value);
  if (!tools.length) {
    say(byId('install-message'), 'warn', 'Select at least one package.');
    return;
  }
  if (!window.confirm(`Install ${tools.join(', ')} with npm install -g on this server? Claude and Codex settings are backed up first.`)) return;
  const button = byId('install-button');
  button.disabled = true;
  replace(byId('install-steps'));
  replace(byId('install-output'));
  byId('install-output-panel').open = true;
  say(byId('install-message'), 'info', 'Installing…');
  try {
    const response = await api('/api/config-manager/install-tools', {json: {tools}, raw: true,
      headers: {Accept: 'text/event-stream'}});
    await readEvents(response, (name, data) => {
      const handler = INSTALL_EVENTS[name];
      if (handler) handler(data);
    });
  } catch (error) {
    say(byId('install-message'), 'error', `Could not install: ${error.message}`);
  } finally {
    button.disabled = false;
    loadVersions();
  }
}

/** Reads a server-sent-event stream from a fetch response (EventSource cannot POST). */
async function readEvents(response, onEvent) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const {value, done} = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, {stream: true});
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data = [];
      for (const line of frame.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (!data.length) continue;
      let parsed = data.join('\n');
      try {
        parsed = JSON.parse(parsed);
      } catch (notJson) {
        // hand over the text
      }
      onEvent(name, parsed);
    }
  }
}

// ---------- wiring ----------

byId('push-button').addEventListener('click', () => copy('push'));
byId('pull-button').addEventListener('click', () => copy('pull'));
byId('refresh-button').addEventListener('click', () => {
  say(syncMessage, '', '');
  loadStatus();
  loadHashes();
});
byId('diff-close').addEventListener('click', () => {
  byId('diff-view').hidden = true;
});
byId('versions-button').addEventListener('click', loadVersions);
byId('install-button').addEventListener('click', install);

loadStatus();
loadHashes();
loadVersions();
loadInstallInfo();
mountMachineUsage(byId('machine-usage'));
