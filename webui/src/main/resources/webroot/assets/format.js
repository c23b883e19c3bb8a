// How numbers, sizes, durations, times and statuses read on every page.

import {h} from '/assets/dom.js';

const whole = new Intl.NumberFormat(undefined, {maximumFractionDigits: 0});
const compact = new Intl.NumberFormat(undefined, {notation: 'compact', maximumFractionDigits: 1});

/** 1234567 → "1,234,567". */
export function formatNumber(value) {
  return whole.format(Number(value) || 0);
}

/** 1234567 → "1.2M" (exact figures below 10,000). */
export function formatCompact(value) {
  const n = Number(value) || 0;
  return Math.abs(n) < 10000 ? whole.format(n) : compact.format(n);
}

/** Bytes → "12.3 KB" (powers of 1024, shown with the usual short names). */
export function formatBytes(value) {
  let n = Number(value) || 0;
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let unit = 0;
  while (Math.abs(n) >= 1024 && unit < units.length - 1) {
    n /= 1024;
    unit++;
  }
  return `${unit === 0 ? n : n.toFixed(n < 10 ? 1 : 0)} ${units[unit]}`;
}

/** Seconds → "850 ms", "2.35 s", "3 min 5 s". */
export function formatSeconds(seconds) {
  if (seconds === null || seconds === undefined || Number.isNaN(Number(seconds))) return '–';
  const s = Number(seconds);
  if (s < 1) return `${Math.round(s * 1000)} ms`;
  if (s < 60) return `${s.toFixed(2)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

/** Unix seconds → local time; the date is added when it is not today. */
export function formatTime(unixSeconds, {seconds = true} = {}) {
  if (!unixSeconds) return '–';
  const date = new Date(Number(unixSeconds) * 1000);
  const time = date.toLocaleTimeString(undefined, {hour: '2-digit', minute: '2-digit', second: seconds ? '2-digit' : undefined});
  const today = new Date();
  if (date.toDateString() === today.toDateString()) return time;
  return `${date.toLocaleDateString(undefined, {month: 'short', day: 'numeric'})} ${time}`;
}

/** Unix seconds → full local date and time. */
export function formatDateTime(unixSeconds) {
  if (!unixSeconds) return '–';
  return new Date(Number(unixSeconds) * 1000).toLocaleString();
}

/** Unix seconds → "12 s ago", "5 min ago", "3 h ago", "2 d ago". */
export function formatAgo(unixSeconds, nowMillis = Date.now()) {
  if (!unixSeconds) return '–';
  const s = Math.max(0, Math.round(nowMillis / 1000 - Number(unixSeconds)));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86400)} d ago`;
}

/** True while an exchange is still running. */
export function inFlight(summary) {
  return summary && (summary.state === 'pending' || summary.state === 'sending' || summary.state === 'receiving');
}

/** A badge for an entry's state and status: "200", "sending…", "502 error". */
export function statusBadge(summary) {
  if (inFlight(summary)) {
    return h('span', {class: 'badge badge-info badge-live', dataset: {state: summary.state}}, summary.state);
  }
  const code = Number(summary.status_code) || 0;
  const failed = summary.state === 'error' || code >= 400;
  const kind = failed ? (code >= 500 || code === 0 ? 'badge-err' : 'badge-warn') : 'badge-ok';
  const label = code ? String(code) : (summary.state || '?');
  return h('span', {class: `badge ${kind}`, dataset: {state: summary.state || ''},
    title: summary.error ? String(summary.error) : `state: ${summary.state || 'unknown'}`}, label);
}

/** "gpt-4.1" or "claude-sonnet-4-5 → claude-sonnet-4.5" when the gateway mapped it. */
export function modelLabel(summary) {
  const model = summary.model || '–';
  const translated = summary.translated_model;
  return translated && translated !== model ? `${model} → ${translated}` : model;
}
