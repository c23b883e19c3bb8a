// The dashboard's headline figures, drawn from /api/stats.

import {h, replace} from '/assets/dom.js';
import {formatBytes, formatCompact, formatNumber} from '/assets/format.js';

function card(id, label, value, sub, {error = false, title} = {}) {
  return h('div', {class: ['card', 'stat', error ? 'stat-error' : ''], dataset: {stat: id}, title},
      h('span', {class: 'stat-label'}, label),
      h('span', {class: 'stat-value'}, value),
      h('span', {class: 'stat-sub'}, sub));
}

function percent(part, whole) {
  if (!whole) return '0%';
  const value = (100 * part) / whole;
  return `${value < 10 ? value.toFixed(1) : Math.round(value)}%`;
}

/** Replaces the cards in `container` with the figures of `stats`. */
export function renderStatCards(container, stats) {
  const tokens = stats.tokens || {};
  const input = Number(tokens.input) || 0;
  const output = Number(tokens.output) || 0;
  const cacheRead = Number(tokens.cache_read) || 0;
  const cacheWrite = Number(tokens.cache_creation) || 0;
  const total = Number(stats.total_requests) || 0;
  const errors = Number(stats.errors) || 0;
  const sent = Number(stats.bytes_sent) || 0;
  const received = Number(stats.bytes_received) || 0;
  const cards = [
    card('requests', 'Requests', formatNumber(total), `${formatNumber(stats.cached_requests)} in the history`),
    card('tokens-in', 'Tokens in', formatCompact(input), `${formatCompact(cacheWrite)} written to cache`,
        {title: `${formatNumber(input)} input tokens`}),
    card('tokens-out', 'Tokens out', formatCompact(output), 'generated', {title: `${formatNumber(output)} output tokens`}),
    card('cache-hits', 'Cache hits', formatCompact(cacheRead), `${percent(cacheRead, input + cacheRead + cacheWrite)} of input read from cache`,
        {title: `${formatNumber(cacheRead)} input tokens read from the prompt cache`}),
    card('errors', 'Errors', formatNumber(errors), `${percent(errors, total)} of requests`, {error: errors > 0}),
    card('bytes', 'Data', formatBytes(sent + received), `${formatBytes(sent)} sent · ${formatBytes(received)} received`),
  ];
  if (Number(stats.dropped_writes) > 0) {
    cards.push(card('dropped', 'Lost history writes', formatNumber(stats.dropped_writes), 'the disk could not keep up',
        {error: true}));
  }
  replace(container, cards);
  container.removeAttribute('aria-busy');
}
