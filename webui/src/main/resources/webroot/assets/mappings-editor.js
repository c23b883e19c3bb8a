// The model mappings editor: client model name → Copilot model name, exact names and prefixes.

import {h} from '/assets/dom.js';

const SECTIONS = [
  ['exact', 'Exact names', 'A client model name that is exactly this is sent as that Copilot model.'],
  ['prefix', 'Prefixes', 'A client model name starting with this is sent as that Copilot model (the longest prefix wins).'],
];

/**
 * @returns {element, get(): {exact, prefix}, set(mappings), validate(): string|null, focus()}
 */
export function mappingsEditor({id = 'model-mappings', onChange = () => {}} = {}) {
  const bodies = {};
  const element = h('div', {class: 'mappings-editor', id},
      SECTIONS.map(([section, title, hint]) => {
        bodies[section] = h('tbody', {id: `${id}-${section}`});
        return h('section', {class: 'mapping-section', 'aria-labelledby': `${id}-${section}-title`},
            h('h4', {id: `${id}-${section}-title`}, title),
            h('p', {class: 'field-hint'}, hint),
            h('div', {class: 'table-wrap'}, h('table', {class: 'table'},
                h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, section === 'exact' ? 'Client model' : 'Client model prefix'),
                    h('th', {scope: 'col'}, 'Copilot model'), h('th', {scope: 'col'}, h('span', {class: 'visually-hidden'}, 'Actions')))),
                bodies[section])),
            h('button', {type: 'button', class: 'btn-small', dataset: {add: section}, onclick: () => {
              addRow(section, '', '');
              bodies[section].lastElementChild.querySelector('input').focus();
              onChange();
            }}, section === 'exact' ? 'Add a name' : 'Add a prefix'));
      }));

  function addRow(section, from, to) {
    const n = bodies[section].children.length + 1;
    const fromInput = h('input', {type: 'text', class: 'mapping-from', 'aria-label': `${section} mapping ${n}: client model`});
    const toInput = h('input', {type: 'text', class: 'mapping-to', 'aria-label': `${section} mapping ${n}: Copilot model`});
    fromInput.value = from;
    toInput.value = to;
    fromInput.addEventListener('input', onChange);
    toInput.addEventListener('input', onChange);
    const row = h('tr', {}, h('td', {}, fromInput), h('td', {}, toInput),
        h('td', {}, h('button', {type: 'button', class: 'btn-small btn-ghost', 'aria-label': `Remove ${section} mapping ${n}`,
          onclick: () => {
            row.remove();
            onChange();
          }}, 'Remove')));
    bodies[section].append(row);
  }

  function rows(section) {
    return [...bodies[section].querySelectorAll('tr')].map((row) => [
      row.querySelector('.mapping-from').value.trim(), row.querySelector('.mapping-to').value.trim(), row]);
  }

  return {
    element,
    get() {
      const out = {exact: {}, prefix: {}};
      for (const [section] of SECTIONS) {
        for (const [from, to] of rows(section)) {
          if (from || to) out[section][from] = to;
        }
      }
      return out;
    },
    set(mappings) {
      for (const [section] of SECTIONS) {
        bodies[section].replaceChildren();
        Object.entries((mappings || {})[section] || {}).forEach(([from, to]) => addRow(section, from, to));
      }
    },
    /** A problem to fix before saving, or null. Marks the offending input. */
    validate() {
      element.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
      for (const [section, title] of SECTIONS) {
        const seen = new Set();
        for (const [from, to, row] of rows(section)) {
          if (!from && !to) continue;
          if (!from || !to) {
            row.querySelector(from ? '.mapping-to' : '.mapping-from').setAttribute('aria-invalid', 'true');
            return `${title}: every mapping needs both a client model and a Copilot model.`;
          }
          if (seen.has(from)) {
            row.querySelector('.mapping-from').setAttribute('aria-invalid', 'true');
            return `${title}: "${from}" is listed twice.`;
          }
          seen.add(from);
        }
      }
      return null;
    },
    focus() {
      const first = element.querySelector('[aria-invalid="true"], input, button');
      if (first) first.focus();
    },
  };
}
