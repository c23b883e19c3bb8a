// Turning the statistics' breakdowns (model_stats, endpoint_stats, user_stats, node_stats) into bars.

import {formatBytes, formatCompact, formatNumber} from '/assets/format.js';

function tokensOf(tally) {
  return (Number(tally.input_tokens) || 0) + (Number(tally.output_tokens) || 0)
    + (Number(tally.cache_creation_input_tokens) || 0) + (Number(tally.cache_read_input_tokens) || 0);
}

function bytesOf(tally) {
  return (Number(tally.bytes_sent) || 0) + (Number(tally.bytes_received) || 0);
}

/** What a breakdown can be measured by. */
export const METRICS = {
  requests: {label: 'Requests', of: (tally) => Number(tally.request_count) || 0, format: formatCompact},
  tokens: {label: 'Tokens', of: tokensOf, format: formatCompact},
  data: {label: 'Data', of: bytesOf, format: formatBytes},
};

/** Bar items for barChart from a breakdown object {name: tally}. */
export function breakdownItems(breakdown, metricName) {
  const metric = METRICS[metricName] || METRICS.requests;
  return Object.entries(breakdown || {}).map(([name, tally]) => ({
    label: name,
    value: metric.of(tally),
    title: `${name}: ${formatNumber(tally.request_count)} requests · ${formatNumber(tokensOf(tally))} tokens · `
      + `${formatBytes(bytesOf(tally))}`,
  }));
}
