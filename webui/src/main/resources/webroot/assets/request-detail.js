// One history entry in full: overview, timings, token usage, redacted headers, the client's body, the
// body forwarded upstream, the response, the stream with its replay, and "copy as curl".

import {copyText, h} from '/assets/dom.js';
import {renderJson, setAllExpanded} from '/assets/json-view.js';
import {formatBytes, formatDateTime, formatNumber, formatSeconds, modelLabel, statusBadge} from '/assets/format.js';
import {curlCommand} from '/assets/curl-command.js';
import {streamReplay} from '/assets/stream-replay.js';

/** Fields shown in their own place; anything else appears under "Other fields". */
const SHOWN = new Set(['id', 'version', 'timestamp', 'node_id', 'endpoint', 'model', 'translated_model', 'stream',
  'state', 'status_code', 'client_ip', 'user_id', 'initiator', 'initiator_reason', 'vision', 'request_headers',
  'original_request_body', 'request_body', 'response_body', 'raw_events', 'request_size', 'response_size',
  'input_tokens', 'output_tokens', 'cache_creation_input_tokens', 'cache_read_input_tokens', 'duration',
  'first_byte_ms', 'attempts', 'error']);
const SECRET_HEADER = /authorization|api-key|apikey|api_key|cookie|token|secret|password/i;

/** The detail view of `record` (a history entry as /api/request/:id returns it). */
export function requestDetail(record, {origin = window.location.origin} = {}) {
  const curl = curlCommand(origin, record);
  const copyStatus = h('span', {class: 'muted small', role: 'status', id: 'copy-status'});
  const copyCurl = h('button', {type: 'button', id: 'copy-curl', onclick: async () => {
    copyStatus.textContent = (await copyText(curl)) ? 'Copied the curl command.' : 'Copy failed: select the command below.';
  }}, 'Copy as curl');

  return h('article', {class: 'request-detail', dataset: {id: record.id}},
      h('div', {class: 'section-header'},
          h('h2', {id: 'detail-title', tabindex: '-1'}, modelLabel(record), ' ', statusBadge(record)),
          h('div', {class: 'btn-group'}, copyCurl, copyStatus)),
      h('p', {class: 'mono small muted break'}, `id ${record.id}`),
      record._record_lost ? h('p', {class: 'message message-warn'},
          'The full record was lost (the disk could not keep up); only its summary is left.') : null,
      h('div', {class: 'grid'},
          overview(record),
          timings(record),
          usage(record)),
      headersPanel(record.request_headers),
      bodyPanel('client-body', 'Client body', 'what the client sent', record.original_request_body, true),
      forwardedPanel(record),
      responsePanel(record),
      streamPanel(record.raw_events),
      otherFields(record),
      h('details', {class: 'panel', id: 'curl-panel'}, h('summary', {}, 'Copy as curl',
          h('span', {class: 'summary-note'}, 'the client request, sent to this gateway; the key comes from $GHC_API_KEY')),
      h('div', {class: 'panel-body'}, h('pre', {id: 'curl-command'}, curl))));
}

function facts(pairs) {
  return h('dl', {class: 'facts'}, pairs.filter(([, value]) => value !== null && value !== undefined && value !== '')
      .flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]));
}

function overview(record) {
  return h('section', {class: 'card', 'aria-labelledby': 'overview-title'},
      h('h3', {id: 'overview-title'}, 'Overview'),
      facts([
        ['Time', formatDateTime(record.timestamp)],
        ['Endpoint', h('span', {class: 'mono'}, record.endpoint || '–')],
        ['Model', record.model || '–'],
        ['Sent upstream as', record.translated_model && record.translated_model !== record.model ? record.translated_model : null],
        ['Status', `${record.status_code ?? '–'} (${record.state || 'unknown'})`],
        ['Streamed', record.stream ? 'yes' : 'no'],
        ['User', record.user_id || 'anonymous'],
        ['Node', record.node_id],
        ['Client', record.client_ip],
        ['Initiator', record.initiator ? `${record.initiator}${record.initiator_reason ? ` (${record.initiator_reason})` : ''}` : null],
        ['Images', record.vision ? 'yes' : null],
        ['Error', record.error ? h('span', {class: 'field-error'}, typeof record.error === 'string' ? record.error : JSON.stringify(record.error)) : null],
      ]));
}

function timings(record) {
  const total = Number(record.duration) || 0;
  const firstByte = Number(record.first_byte_ms) || 0;
  return h('section', {class: 'card', 'aria-labelledby': 'timings-title'},
      h('h3', {id: 'timings-title'}, 'Timings'),
      facts([
        ['Duration', formatSeconds(record.duration)],
        ['First byte', record.first_byte_ms !== undefined ? `${formatNumber(firstByte)} ms` : null],
        ['Streaming', firstByte && total ? formatSeconds(Math.max(0, total - firstByte / 1000)) : null],
        ['Upstream attempts', record.attempts],
      ]),
      total > 0 ? timingBar(firstByte / 1000, total) : null);
}

/** A bar: waiting for the first byte, then receiving. */
function timingBar(firstByteSeconds, totalSeconds) {
  const width = 300;
  const wait = Math.min(width, (firstByteSeconds / totalSeconds) * width);
  return h('svg', {viewBox: `0 0 ${width} 18`, width: '100%', height: 18, preserveAspectRatio: 'none', role: 'img', class: 'timing-bar',
    'aria-label': `Waited ${formatSeconds(firstByteSeconds)} for the first byte of ${formatSeconds(totalSeconds)}`},
  h('rect', {class: 'series-2', x: 0, y: 3, width: Math.max(1, wait), height: 12, rx: 2},
      h('title', {}, `Waiting for the first byte: ${formatSeconds(firstByteSeconds)}`)),
  h('rect', {class: 'series-1', x: wait, y: 3, width: Math.max(0, width - wait), height: 12, rx: 2},
      h('title', {}, `Receiving: ${formatSeconds(totalSeconds - firstByteSeconds)}`)));
}

function usage(record) {
  const input = Number(record.input_tokens) || 0;
  const output = Number(record.output_tokens) || 0;
  const read = Number(record.cache_read_input_tokens) || 0;
  const write = Number(record.cache_creation_input_tokens) || 0;
  return h('section', {class: 'card', 'aria-labelledby': 'usage-title'},
      h('h3', {id: 'usage-title'}, 'Token usage'),
      facts([
        ['Input', formatNumber(input)],
        ['Output', formatNumber(output)],
        ['Cache read', formatNumber(read)],
        ['Cache write', formatNumber(write)],
        ['Total', formatNumber(input + output + read + write)],
        ['Request size', formatBytes(record.request_size)],
        ['Response size', formatBytes(record.response_size)],
      ]));
}

function headersPanel(headers) {
  const names = Object.keys(headers || {}).sort();
  const body = names.length ? h('div', {class: 'table-wrap'}, h('table', {class: 'table', id: 'request-headers'},
      h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Header'), h('th', {scope: 'col'}, 'Value'))),
      h('tbody', {}, names.map((name) => h('tr', {},
          h('td', {class: 'mono small'}, name), h('td', {class: 'mono small break'}, headerValue(name, headers[name])))))))
    : h('p', {class: 'muted'}, 'No headers were recorded.');
  return h('details', {class: 'panel', id: 'headers-panel'},
      h('summary', {}, 'Request headers', h('span', {class: 'summary-note'}, `${names.length}, credentials redacted`)),
      h('div', {class: 'panel-body'}, body));
}

/** The server redacts credentials; a value that somehow is not redacted is hidden here too. */
function headerValue(name, value) {
  const text = String(value);
  if (SECRET_HEADER.test(name) && !text.includes('[REDACTED')) return `[hidden ${text.length} chars]`;
  return text;
}

function jsonTools(view, text) {
  const status = h('span', {class: 'muted small', role: 'status'});
  return h('div', {class: 'btn-group json-tools'},
      h('button', {type: 'button', class: 'btn-small', onclick: () => setAllExpanded(view, true)}, 'Expand all'),
      h('button', {type: 'button', class: 'btn-small', onclick: () => setAllExpanded(view, false)}, 'Collapse all'),
      h('button', {type: 'button', class: 'btn-small', onclick: async () => {
        status.textContent = (await copyText(text)) ? 'Copied.' : 'Copy failed.';
      }}, 'Copy'),
      status);
}

function bodyText(value) {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

function truncationNote(value) {
  if (value && typeof value === 'object' && value._truncated) {
    return h('p', {class: 'message message-warn'}, `Not kept in full: ${value._reason || 'too large'} `
      + `(${formatBytes(value._size)}).`);
  }
  return null;
}

function bodyPanel(id, title, note, value, open) {
  if (value === null || value === undefined) return null;
  const view = renderJson(value, {expandDepth: 3, label: title});
  return h('details', {class: 'panel', id, open},
      h('summary', {}, title, h('span', {class: 'summary-note'}, note)),
      h('div', {class: 'panel-body'}, truncationNote(value), jsonTools(view, bodyText(value)), view));
}

function forwardedPanel(record) {
  const forwarded = record.request_body;
  if (forwarded === null || forwarded === undefined) return null;
  if (JSON.stringify(forwarded) === JSON.stringify(record.original_request_body)) {
    return h('details', {class: 'panel', id: 'forwarded-body'},
        h('summary', {}, 'Forwarded body', h('span', {class: 'summary-note'}, 'the same as the client body')),
        h('div', {class: 'panel-body'}, h('p', {class: 'muted'}, 'The gateway forwarded the client body unchanged.')));
  }
  return bodyPanel('forwarded-body', 'Forwarded body', 'what the gateway sent upstream (mapped, filtered, translated)',
      forwarded, false);
}

function responsePanel(record) {
  if (record.response_body === null || record.response_body === undefined) {
    if (Array.isArray(record.raw_events)) return null;
    return h('details', {class: 'panel', id: 'response-body'}, h('summary', {}, 'Response'),
        h('div', {class: 'panel-body'}, h('p', {class: 'muted'},
            ['pending', 'sending', 'receiving'].includes(record.state) ? 'The response is still arriving.' : 'No response body was recorded.')));
  }
  return bodyPanel('response-body', 'Response', 'what the client received', record.response_body, true);
}

function streamPanel(events) {
  if (!Array.isArray(events)) return null;
  return h('details', {class: 'panel', id: 'stream-panel', open: true},
      h('summary', {}, 'Stream events', h('span', {class: 'summary-note'}, `${events.length} events; replay how the answer was assembled`)),
      h('div', {class: 'panel-body'}, streamReplay(events)));
}

function otherFields(record) {
  const rest = {};
  for (const [key, value] of Object.entries(record)) {
    if (!SHOWN.has(key) && !key.startsWith('_')) rest[key] = value;
  }
  if (!Object.keys(rest).length) return null;
  return bodyPanel('other-fields', 'Other fields', 'extra details the gateway recorded', rest, false);
}
