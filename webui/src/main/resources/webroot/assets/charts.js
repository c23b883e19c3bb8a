// Charts drawn as inline SVG, sized to their container, coloured by the theme (`series-1`…`series-8`).
// Each chart is a <figure> with a text summary for screen readers and <title> tooltips on its marks.

import {h, replace} from '/assets/dom.js';
import {formatCompact} from '/assets/format.js';

const SERIES_CLASSES = 8;

/** The CSS class of the n-th series (0-based). */
export function seriesClass(index) {
  return `series-${(index % SERIES_CLASSES) + 1}`;
}

/**
 * Draws `draw(width)` into `container` now and again whenever the container's width changes, so text
 * stays readable at any size. Returns {redraw(newDraw?)}.
 */
export function mountChart(container, draw) {
  let current = draw;
  let lastWidth = 0;
  const render = () => {
    const width = Math.max(240, Math.floor(container.clientWidth || 600));
    lastWidth = width;
    replace(container, current(width));
  };
  const observer = new ResizeObserver(() => {
    const width = Math.floor(container.clientWidth || 0);
    if (width && Math.abs(width - lastWidth) > 16) render();
  });
  observer.observe(container);
  render();
  return {
    redraw(newDraw) {
      if (newDraw) current = newDraw;
      render();
    },
  };
}

/**
 * Values over time.
 *   times: bucket starts (Unix seconds); series: [{name, values}] (same length as times)
 *   kind: 'line' or 'bars' (bars are stacked); step: seconds per bucket (for the labels)
 *   yFormat: value → text; label: what the chart shows (for its caption and screen readers)
 */
export function timeChart({times = [], series = [], kind = 'line', step = 3600, width = 600, height = 200,
  yFormat = formatCompact, label = 'Chart'}) {
  const figure = h('figure', {class: 'chart'});
  const total = series.reduce((sum, s) => sum + s.values.reduce((a, b) => a + (Number(b) || 0), 0), 0);
  if (!times.length || !series.length || total === 0) {
    figure.append(h('p', {class: 'chart-empty'}, 'Nothing in this range yet.'));
    return figure;
  }
  const pad = {top: 10, right: 12, bottom: 24, left: 48};
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const stackedTotals = times.map((_, i) => series.reduce((sum, s) => sum + (Number(s.values[i]) || 0), 0));
  const peak = kind === 'bars' ? Math.max(...stackedTotals)
    : Math.max(...series.flatMap((s) => s.values.map((v) => Number(v) || 0)));
  const max = niceStep(peak / 4) * 4;
  const x = (i) => pad.left + (times.length === 1 ? plotW / 2 : (i * plotW) / (times.length - 1));
  const y = (v) => pad.top + plotH - (v / max) * plotH;
  const svg = h('svg', {viewBox: `0 0 ${width} ${height}`, width, height, role: 'img',
    'aria-label': `${label}: ${series.map((s) => `${s.name} ${yFormat(sum(s.values))}`).join(', ')} in total`});

  for (let g = 0; g <= 4; g++) {
    const value = (max * g) / 4;
    const gy = y(value);
    svg.append(h('line', {class: g === 0 ? 'chart-axis' : 'chart-grid', x1: pad.left, x2: width - pad.right, y1: gy, y2: gy}),
        h('text', {class: 'chart-text', x: pad.left - 6, y: gy + 4, 'text-anchor': 'end'}, yFormat(value)));
  }
  const tickEvery = Math.max(1, Math.ceil(times.length / Math.max(2, Math.floor(plotW / 90))));
  times.forEach((t, i) => {
    if (i % tickEvery !== 0 && i !== times.length - 1) return;
    if (i !== times.length - 1 && times.length - 1 - i < tickEvery / 2) return;
    svg.append(h('text', {class: 'chart-text', x: x(i), y: height - 6, 'text-anchor': anchorFor(i, times.length)},
        timeLabel(t, step)));
  });

  if (kind === 'bars') {
    const slot = plotW / times.length;
    const barW = Math.max(2, Math.min(28, slot * 0.7));
    const left = (i) => pad.left + slot * i + (slot - barW) / 2;
    times.forEach((t, i) => {
      let base = 0;
      series.forEach((s, si) => {
        const value = Number(s.values[i]) || 0;
        if (!value) return;
        const top = y(base + value);
        svg.append(h('rect', {class: seriesClass(si), x: left(i), y: top, width: barW, height: Math.max(1, y(base) - top), rx: 2},
            h('title', {}, `${timeLabel(t, step, true)} · ${s.name}: ${yFormat(value)}`)));
        base += value;
      });
    });
  } else {
    series.forEach((s, si) => {
      const points = s.values.map((v, i) => `${x(i).toFixed(1)},${y(Number(v) || 0).toFixed(1)}`);
      svg.append(h('path', {class: `chart-area ${seriesClass(si)}`,
        d: `M${x(0)},${y(0)} L${points.join(' L')} L${x(times.length - 1)},${y(0)} Z`}));
      svg.append(h('polyline', {class: `chart-line ${seriesClass(si)}`, points: points.join(' ')}));
      s.values.forEach((v, i) => {
        if (!(Number(v) > 0)) return;
        svg.append(h('circle', {class: `chart-dot ${seriesClass(si)}`, cx: x(i), cy: y(Number(v) || 0), r: times.length > 48 ? 2 : 3},
            h('title', {}, `${timeLabel(times[i], step, true)} · ${s.name}: ${yFormat(Number(v) || 0)}`)));
      });
    });
  }
  figure.append(svg);
  if (series.length > 1 || series[0].name) {
    figure.append(legend(series.map((s) => s.name)));
  }
  figure.dataset.total = String(total);
  return figure;
}

/**
 * Horizontal bars, largest first: items [{label, value, title?}]. Past `limit` items the rest are
 * summed into one "other" bar.
 */
export function barChart({items = [], width = 400, valueFormat = formatCompact, label = 'Chart', limit = 8}) {
  const figure = h('figure', {class: 'chart'});
  const sorted = items.filter((item) => Number(item.value) > 0).sort((a, b) => b.value - a.value);
  if (!sorted.length) {
    figure.append(h('p', {class: 'chart-empty'}, 'Nothing yet.'));
    return figure;
  }
  const shown = sorted.slice(0, limit);
  if (sorted.length > limit) {
    const rest = sorted.slice(limit);
    shown.push({label: `${rest.length} others`, value: sum(rest.map((item) => item.value)), other: true});
  }
  const rowH = 26;
  const labelW = Math.min(Math.max(90, width * 0.34), 220);
  const valueW = 56;
  const barX = labelW + 8;
  const barMax = Math.max(20, width - barX - valueW);
  const height = shown.length * rowH + 4;
  const max = shown.reduce((m, item) => Math.max(m, item.value), 0);
  const svg = h('svg', {viewBox: `0 0 ${width} ${height}`, width, height, role: 'img',
    'aria-label': `${label}: ${shown.map((item) => `${item.label} ${valueFormat(item.value)}`).join(', ')}`});
  const maxChars = Math.floor(labelW / 7);
  shown.forEach((item, i) => {
    const top = i * rowH + 2;
    const w = Math.max(2, (item.value / max) * barMax);
    const text = item.label.length > maxChars ? `${item.label.slice(0, maxChars - 1)}…` : item.label;
    const tooltip = item.title || `${item.label}: ${valueFormat(item.value)}`;
    svg.append(
        h('text', {class: 'chart-label', x: labelW, y: top + 16, 'text-anchor': 'end'}, text, h('title', {}, tooltip)),
        h('rect', {class: 'chart-bar-track', x: barX, y: top + 4, width: barMax, height: rowH - 10, rx: 3}),
        h('rect', {class: item.other ? 'series-8' : seriesClass(i), x: barX, y: top + 4, width: w, height: rowH - 10, rx: 3},
            h('title', {}, tooltip)),
        h('text', {class: 'chart-value', x: Math.min(barX + w + 6, width - valueW + 6), y: top + 16}, valueFormat(item.value)));
  });
  figure.append(svg);
  return figure;
}

function legend(names) {
  return h('ul', {class: 'legend'}, names.map((name, i) => h('li', {},
      h('span', {class: `legend-swatch ${seriesClass(i)}`, 'aria-hidden': 'true'}), name)));
}

function anchorFor(i, count) {
  if (count > 1 && i === 0) return 'start';
  if (count > 1 && i === count - 1) return 'end';
  return 'middle';
}

function timeLabel(unixSeconds, step, full = false) {
  const date = new Date(unixSeconds * 1000);
  const day = date.toLocaleDateString(undefined, {month: 'short', day: 'numeric'});
  if (step >= 86400) return day;
  const time = date.toLocaleTimeString(undefined, {hour: '2-digit', minute: '2-digit'});
  return full ? `${day} ${time}` : time;
}

/** A round grid step (1, 2, 2.5 or 5 times a power of ten, at least 1: the values are counts). */
function niceStep(raw) {
  if (!(raw > 1)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 2.5, 5, 10]) {
    if (factor * magnitude >= raw) return factor * magnitude;
  }
  return 10 * magnitude;
}

function sum(values) {
  return values.reduce((a, b) => a + (Number(b) || 0), 0);
}
