// A collapsible view of a JSON value. Nodes deeper than `expandDepth` start collapsed and build their
// children only when opened, so a 100 KB request body costs little until someone looks into it.
//
//   container.append(renderJson(value, {expandDepth: 2}));

import {h} from '/assets/dom.js';

const STRING_PREVIEW = 2000;
const CHILDREN_PAGE = 200;

/**
 * Returns a <div class="json-view"> for `value`. A string that is not JSON is shown as text.
 * options: expandDepth (default 2), label (aria-label of the view).
 */
export function renderJson(value, options = {}) {
  const expandDepth = options.expandDepth ?? 2;
  const root = h('div', {class: 'json-view', role: 'group', 'aria-label': options.label || 'JSON'});
  if (typeof value === 'string') {
    const parsed = tryParse(value);
    if (parsed === undefined) {
      root.append(h('pre', {class: 'jv-text'}, value));
      return root;
    }
    value = parsed;
  }
  root.append(node(null, value, 0, expandDepth, true));
  return root;
}

/**
 * Opens every node of a view built by renderJson (building what is not built yet, bounded), or closes
 * every node but the outermost.
 */
export function setAllExpanded(view, expanded) {
  if (expanded) {
    for (let round = 0; round < 50; round++) {
      const closed = [...view.querySelectorAll('.jv-toggle[aria-expanded="false"]')];
      if (!closed.length) break;
      closed.forEach((toggle) => toggle.click());
    }
    return;
  }
  const [outermost, ...inner] = view.querySelectorAll('.jv-toggle');
  inner.reverse().forEach((toggle) => {
    if (toggle.getAttribute('aria-expanded') === 'true') toggle.click();
  });
  if (outermost && outermost.getAttribute('aria-expanded') !== 'true') outermost.click();
}

function tryParse(text) {
  const trimmed = text.trim();
  if (!trimmed || !'{["'.includes(trimmed[0])) return undefined;
  try {
    return JSON.parse(trimmed);
  } catch (e) {
    return undefined;
  }
}

function node(key, value, depth, expandDepth, last) {
  const item = h('div', {class: 'jv-node'});
  const keyPart = key === null ? null : [h('span', {class: 'jv-key'}, JSON.stringify(key)), h('span', {class: 'jv-punct'}, ': ')];
  const comma = last ? null : h('span', {class: 'jv-punct'}, ',');
  if (value !== null && typeof value === 'object') {
    const isArray = Array.isArray(value);
    const entries = isArray ? value.map((v, i) => [i, v]) : Object.entries(value);
    const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
    if (!entries.length) {
      item.append(...(keyPart || []), h('span', {class: 'jv-punct'}, open + close), comma || '');
      return item;
    }
    const count = isArray ? `${entries.length} item${entries.length === 1 ? '' : 's'}`
      : `${entries.length} key${entries.length === 1 ? '' : 's'}`;
    const summary = h('span', {class: 'jv-summary'}, ` … ${count} `);
    const children = h('ul', {});
    let built = false;
    const toggle = h('button', {type: 'button', class: 'jv-toggle', 'aria-expanded': 'false',
      'aria-label': `${key === null ? 'value' : key}: ${count}`});
    const closing = h('span', {class: 'jv-punct'}, close);
    const setOpen = (open) => {
      if (open && !built) {
        built = true;
        buildChildren(children, entries, isArray, depth, expandDepth);
      }
      toggle.setAttribute('aria-expanded', String(open));
      children.hidden = !open;
      summary.hidden = open;
    };
    toggle.addEventListener('click', () => setOpen(toggle.getAttribute('aria-expanded') !== 'true'));
    item.append(toggle, ...(keyPart || []), h('span', {class: 'jv-punct'}, open), summary, children, closing, comma || '');
    setOpen(depth < expandDepth);
    return item;
  }
  item.append(...(keyPart || []), scalar(value), comma || '');
  return item;
}

function buildChildren(list, entries, isArray, depth, expandDepth) {
  let shown = 0;
  const showMore = () => {
    const end = Math.min(entries.length, shown + CHILDREN_PAGE);
    for (; shown < end; shown++) {
      const [key, value] = entries[shown];
      list.append(h('li', {}, node(isArray ? null : key, value, depth + 1, expandDepth, shown === entries.length - 1)));
    }
    if (shown < entries.length) {
      const rest = entries.length - shown;
      const more = h('button', {type: 'button', class: 'jv-more btn-small'}, `Show ${Math.min(rest, CHILDREN_PAGE)} more of ${rest}`);
      more.addEventListener('click', () => {
        more.parentElement.remove();
        showMore();
      });
      list.append(h('li', {}, more));
    }
  };
  showMore();
}

function scalar(value) {
  if (value === null) return h('span', {class: 'jv-null'}, 'null');
  switch (typeof value) {
    case 'number': return h('span', {class: 'jv-number'}, String(value));
    case 'boolean': return h('span', {class: 'jv-boolean'}, String(value));
    case 'string': return stringValue(value);
    default: return h('span', {class: 'jv-string'}, String(value));
  }
}

function stringValue(text) {
  const quoted = JSON.stringify(text);
  if (quoted.length <= STRING_PREVIEW) return h('span', {class: 'jv-string'}, quoted);
  const span = h('span', {class: 'jv-string'}, `${quoted.slice(0, STRING_PREVIEW)}…`);
  const more = h('button', {type: 'button', class: 'jv-more btn-small'}, `Show all ${text.length.toLocaleString()} characters`);
  more.addEventListener('click', () => {
    span.textContent = quoted;
    more.remove();
  });
  return h('span', {}, span, more);
}
