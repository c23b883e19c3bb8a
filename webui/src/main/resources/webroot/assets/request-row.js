// One history entry as a table row, shared by the dashboard's recent list and the request browser.
// In-flight rows show the time running; `startElapsedTicker()` keeps those figures moving.

import {h} from '/assets/dom.js';
import {formatNumber, formatSeconds, formatTime, inFlight, modelLabel, statusBadge} from '/assets/format.js';

/** The columns of a request row, for the table head: [label, class]. */
export const REQUEST_COLUMNS = [
  ['Time', ''], ['Model', ''], ['Endpoint', 'hide-narrow'], ['Status', ''], ['Tokens in / out', 'num'],
  ['Duration', 'num'], ['User', 'hide-narrow'], ['Node', 'hide-narrow'],
];

/** The page that shows one entry in full. */
export function detailHref(id) {
  return `/requests#request=${encodeURIComponent(id)}`;
}

/**
 * A <tr> for a summary. Clicking anywhere on it (or Enter on its link) calls `onOpen(summary, event)`;
 * without onOpen the link goes to the request browser's detail view.
 */
export function requestRow(summary, {onOpen} = {}) {
  const link = h('a', {href: detailHref(summary.id), class: 'request-link', title: `Open request ${summary.id}`},
      modelLabel(summary));
  const row = h('tr', {class: 'row-link', dataset: {id: summary.id, state: summary.state || ''}},
      h('td', {class: 'nowrap', title: new Date((summary.timestamp || 0) * 1000).toLocaleString()}, formatTime(summary.timestamp)),
      h('td', {class: 'break'}, link),
      h('td', {class: 'hide-narrow mono small'}, summary.endpoint || '–'),
      h('td', {class: 'status-cell'}, statusBadge(summary)),
      h('td', {class: 'num nowrap', title: tokenTitle(summary)}, tokensText(summary)),
      durationCell(summary),
      h('td', {class: 'hide-narrow'}, summary.user_id || 'anonymous'),
      h('td', {class: 'hide-narrow small'}, summary.node_id || '–'));
  row.addEventListener('click', (event) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    if (String(window.getSelection())) return;
    if (event.target.closest('a') && !onOpen) return;
    if (onOpen) {
      event.preventDefault();
      onOpen(summary, event);
    } else {
      window.location.href = link.href;
    }
  });
  return row;
}

function tokensText(summary) {
  if (inFlight(summary)) return '…';
  return `${formatNumber(summary.input_tokens)} / ${formatNumber(summary.output_tokens)}`;
}

function tokenTitle(summary) {
  return `input ${formatNumber(summary.input_tokens)}, output ${formatNumber(summary.output_tokens)}, `
    + `cache read ${formatNumber(summary.cache_read_input_tokens)}, cache write ${formatNumber(summary.cache_creation_input_tokens)}`;
}

function durationCell(summary) {
  if (inFlight(summary)) {
    return h('td', {class: 'num nowrap elapsed', dataset: {since: String(summary.timestamp || Date.now() / 1000)}},
        elapsedText(summary.timestamp));
  }
  const firstByte = summary.first_byte_ms ? `first byte after ${formatNumber(summary.first_byte_ms)} ms` : '';
  return h('td', {class: 'num nowrap', title: firstByte}, formatSeconds(summary.duration));
}

function elapsedText(since) {
  const seconds = Math.max(0, Date.now() / 1000 - Number(since || 0));
  return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s…`;
}

let ticker = null;

/** Updates the running time of in-flight rows on the page every half second. */
export function startElapsedTicker() {
  if (ticker) return;
  ticker = setInterval(() => {
    document.querySelectorAll('td.elapsed').forEach((cell) => {
      cell.textContent = elapsedText(cell.dataset.since);
    });
  }, 500);
}
