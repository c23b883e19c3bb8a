// Building DOM nodes without HTML strings: every text goes in as text, so nothing from the server can
// become markup. Pages are served with a CSP that forbids inline styles, so looks are CSS classes.

/**
 * Creates an element.
 *   h('button', {class: 'btn', onclick: fn, 'aria-label': 'Close'}, 'Close')
 * Attributes: `class`, `text`, `dataset` (object), `on<event>` (function), booleans (true = present,
 * false/null/undefined = absent), anything else via setAttribute. Children: nodes, strings, numbers,
 * arrays of those; null/undefined/false are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const svg = SVG_TAGS.has(tag);
  const el = svg ? document.createElementNS(SVG_NS, tag) : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') {
      el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    } else if (name === 'text') {
      el.textContent = String(value);
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

export const SVG_NS = 'http://www.w3.org/2000/svg';
const SVG_TAGS = new Set(['svg', 'g', 'rect', 'line', 'path', 'polyline', 'circle', 'text', 'title', 'desc', 'tspan']);

/** Appends children (nodes, strings, arrays) to a parent; skips null/undefined/false. */
export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces all children of `parent`. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** `document.getElementById`, failing loudly when a page lacks an element its script needs. */
export function byId(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing element #${id}`);
  return el;
}

/** Shows a message in a `.message` element: kind is error | ok | warn | info, or '' to clear. */
export function say(el, kind, text) {
  el.className = kind ? `message message-${kind}` : 'message';
  el.textContent = text || '';
}

/** Calls `fn` at most once per `ms`, trailing call included (for bursts of live events). */
export function throttle(fn, ms) {
  let timer = null;
  let pending = false;
  return function throttled() {
    if (timer) {
      pending = true;
      return;
    }
    fn();
    timer = setTimeout(function release() {
      timer = null;
      if (pending) {
        pending = false;
        throttled();
      }
    }, ms);
  };
}

/** Copies text to the clipboard; falls back to a selected textarea when the Clipboard API is refused. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (e) {
    const area = h('textarea', {class: 'visually-hidden', 'aria-hidden': 'true'});
    area.value = text;
    document.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch (ignored) {
      ok = false;
    }
    area.remove();
    return ok;
  }
}
