// The request browser's search and filters: read from the form, kept in the address bar (so a search
// can be bookmarked, shared and gone back to), and turned into the admin API call.

import {query} from '/assets/api.js';

/** Relative time ranges: name → seconds back from now. */
export const TIME_RANGES = {'15m': 900, '1h': 3600, '24h': 86400, '7d': 7 * 86400};
const FIELDS = ['q', 'mode', 'model', 'endpoint', 'status', 'user', 'node', 'range', 'since', 'until', 'per_page'];

/** Filters from the address bar's query string. */
export function filtersFromUrl(search = window.location.search) {
  const params = new URLSearchParams(search);
  const filters = {page: Math.max(1, Number(params.get('page')) || 1)};
  for (const name of FIELDS) filters[name] = params.get(name) || '';
  if (filters.mode !== 'full') filters.mode = 'basic';
  return filters;
}

/** The query string that stands for `filters` (defaults left out). */
export function filtersToUrl(filters) {
  const copy = {...filters};
  if (copy.mode === 'basic') delete copy.mode;
  if (Number(copy.page) === 1) delete copy.page;
  if (copy.range !== 'custom') {
    delete copy.since;
    delete copy.until;
  }
  return query(copy);
}

/** Reads the search form. */
export function readForm(form) {
  const data = new FormData(form);
  const filters = {page: 1};
  for (const name of FIELDS) filters[name] = String(data.get(name) ?? '').trim();
  filters.since = filters.range === 'custom' ? toUnix(filters.since) : '';
  filters.until = filters.range === 'custom' ? toUnix(filters.until) : '';
  return filters;
}

/** Puts `filters` into the form (adding an option a select does not have yet, e.g. from a shared link). */
export function writeForm(form, filters) {
  for (const name of FIELDS) {
    const field = form.elements.namedItem(name);
    if (!field) continue;
    const value = name === 'since' || name === 'until' ? fromUnix(filters[name]) : filters[name] ?? '';
    if (field instanceof RadioNodeList) {
      for (const radio of field) radio.checked = radio.value === value;
    } else if (field.tagName === 'SELECT') {
      if (value && ![...field.options].some((option) => option.value === value)) {
        field.append(new Option(value, value));
      }
      field.value = value;
    } else {
      field.value = value;
    }
  }
}

/** True when anything narrows the list. */
export function isFiltered(filters) {
  return ['q', 'model', 'endpoint', 'status', 'user', 'node', 'range'].some((name) => filters[name]);
}

/** The admin API path for a page of results. */
export function apiPath(filters, nowSeconds = Math.floor(Date.now() / 1000)) {
  const params = {
    page: filters.page,
    per_page: filters.per_page || 50,
    model: filters.model,
    endpoint: filters.endpoint,
    status: filters.status,
    user: filters.user,
    node: filters.node,
  };
  if (TIME_RANGES[filters.range]) {
    params.since = nowSeconds - TIME_RANGES[filters.range];
  } else if (filters.range === 'custom') {
    params.since = filters.since;
    params.until = filters.until;
  }
  if (filters.mode === 'full' && filters.q) {
    return `/api/requests/search${query({...params, q: filters.q})}`;
  }
  return `/api/requests${query({...params, search: filters.q})}`;
}

function toUnix(localValue) {
  if (!localValue) return '';
  const millis = new Date(localValue).getTime();
  return Number.isNaN(millis) ? '' : String(Math.floor(millis / 1000));
}

function fromUnix(seconds) {
  if (!seconds) return '';
  const date = new Date(Number(seconds) * 1000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
