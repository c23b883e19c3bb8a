// The request browser (/requests): search (summary fields or full text), filters, pages, export and
// import, and the detail view of one request (/requests#request=<id>).

import {mountLayout, setLiveState} from '/assets/layout.js';
import {api, sse} from '/assets/api.js';
import {byId, h, replace, say} from '/assets/dom.js';
import {formatBytes, formatNumber} from '/assets/format.js';
import {requestRow, startElapsedTicker} from '/assets/request-row.js';
import {requestDetail} from '/assets/request-detail.js';
import {apiPath, filtersFromUrl, filtersToUrl, isFiltered, readForm, writeForm} from '/assets/request-filters.js';
import {exportHistory, importHistory} from '/assets/history-transfer.js';

mountLayout('requests');
startElapsedTicker();

const form = byId('search-form');
const results = byId('results');
const listMessage = byId('list-message');
const state = {filters: filtersFromUrl(), page: null, rows: new Map(), newCount: 0, openId: null, loading: 0, renders: 0};

// ---------- the list ----------

async function loadList() {
  const ticket = ++state.loading;
  results.setAttribute('aria-busy', 'true');
  try {
    const page = await api(apiPath(state.filters));
    if (ticket !== state.loading) return;
    state.page = page;
    renderList(page);
    say(listMessage, '', '');
  } catch (error) {
    if (ticket !== state.loading) return;
    say(listMessage, 'error', `Could not load requests: ${error.message}`);
    if (!state.page) replace(results, emptyRow('Requests are not available right now.'));
  } finally {
    if (ticket === state.loading) {
      results.removeAttribute('aria-busy');
      results.dataset.loaded = String(++state.renders);
    }
  }
}

function emptyRow(text) {
  return h('tr', {}, h('td', {colspan: '8', class: 'empty-state'}, text));
}

function renderList(page) {
  state.rows.clear();
  state.newCount = 0;
  byId('new-entries').hidden = true;
  const items = page.items || [];
  if (!items.length) {
    replace(results, emptyRow(isFiltered(state.filters) ? 'No request matches this search.' : 'The history is empty.'));
  } else {
    replace(results, items.map((summary) => {
      const row = requestRow(summary, {onOpen: (s) => openDetail(s.id)});
      state.rows.set(summary.id, row);
      return row;
    }));
  }
  const total = Number(page.total) || 0;
  const pages = Number(page.total_pages) || 0;
  byId('result-count').textContent = `${formatNumber(total)} request${total === 1 ? '' : 's'}`
    + (state.filters.mode === 'full' && state.filters.q ? ' whose bodies contain the text' : '')
    + (isFiltered(state.filters) ? ' match' : ' in the history');
  byId('page-info').textContent = pages ? `Page ${page.page} of ${pages}` : '';
  byId('prev-page').disabled = page.page <= 1;
  byId('next-page').disabled = !pages || page.page >= pages;
}

function applyFilters(filters, {push = true} = {}) {
  state.filters = filters;
  const url = `/requests${filtersToUrl(filters)}`;
  if (push) {
    window.history.pushState({}, '', url);
  }
  loadList();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  applyFilters(readForm(form));
});
byId('reset-button').addEventListener('click', () => {
  form.reset();
  showCustomRange();
  applyFilters(readForm(form));
});
byId('filter-range').addEventListener('change', showCustomRange);
byId('prev-page').addEventListener('click', () => applyFilters({...state.filters, page: Math.max(1, state.filters.page - 1)}));
byId('next-page').addEventListener('click', () => applyFilters({...state.filters, page: state.filters.page + 1}));
byId('new-entries').addEventListener('click', () => applyFilters({...state.filters, page: 1}, {push: false}));
window.addEventListener('popstate', () => {
  state.filters = filtersFromUrl();
  writeForm(form, state.filters);
  showCustomRange();
  loadList();
});

function showCustomRange() {
  const custom = byId('filter-range').value === 'custom';
  document.querySelectorAll('.custom-range').forEach((field) => {
    field.hidden = !custom;
  });
}

/** The filter choices come from the statistics: every model, endpoint, user and node seen. */
async function loadChoices() {
  try {
    const stats = await api('/api/stats');
    fillChoices('filter-model', Object.keys(stats.model_stats || {}));
    fillChoices('filter-endpoint', Object.keys(stats.endpoint_stats || {}));
    fillChoices('filter-user', Object.keys(stats.user_stats || {}));
    fillChoices('filter-node', Object.keys(stats.node_stats || {}));
    writeForm(form, state.filters);
  } catch (error) {
    // the list says what is wrong; the selects keep "any"
  }
}

function fillChoices(id, names) {
  const select = byId(id);
  const present = new Set([...select.options].map((option) => option.value));
  names.sort().forEach((name) => {
    if (!present.has(name)) select.append(new Option(name, name));
  });
}

// ---------- live updates ----------

function onHistory(event) {
  const summary = event.summary || {};
  if (event.kind === 'imported' || event.kind === 'cleared') {
    noteNew(event.kind === 'cleared' ? 'The history was cleared. Reload' : `${formatNumber(event.count)} entries were imported. Reload`);
    return;
  }
  const row = state.rows.get(summary.id);
  if (row) {
    const fresh = requestRow(summary, {onOpen: (s) => openDetail(s.id)});
    row.replaceWith(fresh);
    state.rows.set(summary.id, fresh);
  } else if (event.kind === 'started') {
    state.newCount++;
    noteNew(`${formatNumber(state.newCount)} new request${state.newCount === 1 ? '' : 's'}. Show`);
  }
  if (state.openId === summary.id && event.kind === 'completed') {
    openDetail(summary.id, {quiet: true});
  }
}

function noteNew(text) {
  const button = byId('new-entries');
  button.textContent = text;
  button.hidden = false;
}

sse('/api/events', {
  events: {history: onHistory},
  onState: setLiveState,
  onOpen: ({reconnected}) => {
    if (reconnected) loadList();
  },
});

// ---------- detail view (#request=<id>) ----------

function idFromHash() {
  const match = /^#request=(.+)$/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

function openDetail(id, {quiet = false} = {}) {
  if (idFromHash() !== id) {
    window.location.hash = `request=${encodeURIComponent(id)}`;
    return;
  }
  showDetail(id, quiet);
}

async function showDetail(id, quiet) {
  state.openId = id;
  byId('list-view').hidden = true;
  byId('detail-view').hidden = false;
  const message = byId('detail-message');
  const container = byId('detail');
  if (!quiet) {
    replace(container, h('p', {class: 'loading'}, 'Loading the request…'));
    say(message, '', '');
  }
  try {
    const record = await api(`/api/request/${encodeURIComponent(id)}`);
    if (state.openId !== id) return;
    replace(container, requestDetail(record));
    document.title = `${record.model || 'Request'} · Requests · ghc-api`;
    if (!quiet) byId('detail-title').focus();
  } catch (error) {
    if (state.openId !== id) return;
    replace(container);
    say(message, 'error', error.status === 404
      ? 'This request is no longer in the history (it was evicted, cleared, or never recorded).'
      : `Could not load the request: ${error.message}`);
  }
}

function closeDetail() {
  state.openId = null;
  byId('detail-view').hidden = true;
  byId('list-view').hidden = false;
  document.title = 'Requests · ghc-api';
}

function route() {
  const id = idFromHash();
  if (id) {
    showDetail(id, false);
  } else if (state.openId) {
    const previous = state.openId;
    closeDetail();
    const row = state.rows.get(previous);
    const link = row && row.querySelector('a');
    if (link) link.focus();
  }
}

window.addEventListener('hashchange', route);
byId('back-button').addEventListener('click', () => {
  window.location.hash = '';
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && state.openId && !event.target.closest('input, select, textarea')) {
    window.location.hash = '';
  }
});

// ---------- export, import, clear ----------

let exportAbort = null;

byId('export-button').addEventListener('click', async () => {
  const panel = byId('transfer-panel');
  const status = byId('export-status');
  const text = byId('export-text');
  const progress = byId('export-progress');
  panel.hidden = false;
  status.hidden = false;
  byId('export-button').disabled = true;
  exportAbort = new AbortController();
  let expected = 0;
  try {
    expected = Number((await api('/api/requests?per_page=1')).total) || 0;
  } catch (ignored) {
    expected = 0;
  }
  progress.max = Math.max(1, expected);
  progress.value = 0;
  text.textContent = 'Exporting…';
  byId('export-cancel').hidden = false;
  try {
    const done = await exportHistory({
      signal: exportAbort.signal,
      onProgress: ({entries, bytes}) => {
        progress.value = Math.min(entries, progress.max);
        text.textContent = `Exporting: ${formatNumber(entries)} of about ${formatNumber(expected)} entries, ${formatBytes(bytes)}`;
      },
    });
    progress.value = progress.max;
    text.textContent = `Exported ${formatNumber(done.entries)} entries (${formatBytes(done.bytes)}) to ${done.filename}.`;
  } catch (error) {
    text.textContent = error.name === 'AbortError' ? 'Export cancelled.' : `Export failed: ${error.message}`;
  } finally {
    byId('export-button').disabled = false;
    byId('export-cancel').hidden = true;
    exportAbort = null;
  }
});
byId('export-cancel').addEventListener('click', () => {
  if (exportAbort) exportAbort.abort();
});

byId('import-toggle').addEventListener('click', () => {
  const importPanel = byId('import-panel');
  const open = importPanel.hidden;
  importPanel.hidden = !open;
  byId('transfer-panel').hidden = false;
  byId('import-toggle').setAttribute('aria-expanded', String(open));
  if (open) byId('import-file').focus();
});

byId('import-panel').addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = byId('import-file').files[0];
  const report = byId('import-report');
  if (!file) {
    replace(report, h('p', {class: 'message message-error'}, 'Choose a file to import first.'));
    return;
  }
  const status = byId('import-status');
  const text = byId('import-text');
  const progress = byId('import-progress');
  status.hidden = false;
  replace(report);
  byId('import-button').disabled = true;
  progress.max = Math.max(1, file.size);
  progress.value = 0;
  try {
    const result = await importHistory(file, {
      onProgress: ({phase, loaded, total}) => {
        if (phase === 'processing') {
          progress.removeAttribute('value');
          text.textContent = `Uploaded ${formatBytes(total)}; storing the entries…`;
        } else {
          progress.max = Math.max(1, total);
          progress.value = loaded;
          text.textContent = `Uploading ${formatBytes(loaded)} of ${formatBytes(total)}…`;
        }
      },
    });
    progress.max = 1;
    progress.value = 1;
    text.textContent = 'Import finished.';
    replace(report, importReport(result));
    loadList();
    loadChoices();
  } catch (error) {
    progress.max = 1;
    progress.value = 0;
    text.textContent = 'Import failed.';
    replace(report, h('p', {class: 'message message-error'}, `Nothing was imported: ${error.message}`));
  } finally {
    byId('import-button').disabled = false;
  }
});

function importReport(result) {
  const errors = result.errors || [];
  const totalErrors = Number(result.total_errors) || errors.length;
  return h('div', {id: 'import-result'},
      h('p', {class: `message ${totalErrors ? 'message-warn' : 'message-ok'}`},
          `Imported ${formatNumber(result.imported)} entr${Number(result.imported) === 1 ? 'y' : 'ies'}.`
          + (totalErrors ? ` ${formatNumber(totalErrors)} line${totalErrors === 1 ? '' : 's'} could not be imported:` : '')),
      errors.length ? h('ul', {class: 'import-errors', id: 'import-errors'}, errors.map((line) => h('li', {class: 'mono small'}, line))) : null,
      totalErrors > errors.length ? h('p', {class: 'muted small'}, `…and ${formatNumber(totalErrors - errors.length)} more.`) : null);
}

byId('clear-button').addEventListener('click', async () => {
  if (!window.confirm('Delete every entry of the request history on this node? Statistics are kept.')) return;
  try {
    const result = await api('/api/requests', {method: 'DELETE'});
    say(listMessage, 'ok', `Cleared ${formatNumber(result.cleared)} entries.`);
    applyFilters({...state.filters, page: 1}, {push: false});
  } catch (error) {
    say(listMessage, 'error', `Could not clear the history: ${error.message}`);
  }
});

// ---------- start ----------

writeForm(form, state.filters);
showCustomRange();
loadChoices();
loadList();
route();
