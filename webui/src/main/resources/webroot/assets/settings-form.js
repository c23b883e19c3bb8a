// The settings form: one control per runtime setting, each able to read, show and check its value and to
// show the server's validation message next to itself.

import {h} from '/assets/dom.js';
import {GROUPS, inferField, KNOWN_KEYS} from '/assets/settings-fields.js';
import {listEditor} from '/assets/list-editor.js';
import {mappingsEditor} from '/assets/mappings-editor.js';

/** A control: {key, element, get(), set(value), check(): string|null, focus(), error(message)}. */
function control(field, onChange) {
  const id = `setting-${field.key}`;
  const error = h('p', {class: 'field-error', id: `${id}-error`, role: 'alert'});
  const hint = field.hint ? h('p', {class: 'field-hint', id: `${id}-hint`}, field.hint) : null;
  const describedBy = [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ');
  let input;
  let editor = null;
  let get;
  let set;
  let check = () => null;

  switch (field.type) {
    case 'boolean':
      input = h('input', {type: 'checkbox', id, 'aria-describedby': describedBy});
      get = () => input.checked;
      set = (value) => { input.checked = Boolean(value); };
      break;
    case 'choice':
      input = h('select', {id, 'aria-describedby': describedBy}, field.choices.map((choice) => h('option', {value: choice}, choice)));
      get = () => input.value;
      set = (value) => {
        if (value && ![...input.options].some((option) => option.value === value)) input.append(new Option(value, value));
        input.value = value ?? '';
      };
      break;
    case 'integer':
    case 'seconds':
      input = h('input', {type: 'text', inputmode: field.type === 'integer' ? 'numeric' : 'decimal', id,
        'aria-describedby': describedBy, class: 'input-number'});
      get = () => Number(input.value.trim());
      set = (value) => { input.value = value === null || value === undefined ? '' : String(value); };
      check = () => {
        const text = input.value.trim();
        if (text === '' || Number.isNaN(Number(text))) return 'Enter a number.';
        if (field.type === 'integer' && !Number.isInteger(Number(text))) return 'Enter a whole number.';
        return null;
      };
      break;
    case 'list':
      editor = listEditor({id, label: field.label, multiline: field.multiline, onChange});
      input = editor.element;
      get = () => editor.get();
      set = (value) => editor.set(value);
      break;
    case 'mappings':
      editor = mappingsEditor({id, onChange});
      input = editor.element;
      get = () => editor.get();
      set = (value) => editor.set(value);
      check = () => editor.validate();
      break;
    case 'json':
      input = h('textarea', {id, rows: '4', 'aria-describedby': describedBy});
      get = () => JSON.parse(input.value);
      set = (value) => { input.value = JSON.stringify(value, null, 2); };
      check = () => {
        try {
          JSON.parse(input.value);
          return null;
        } catch (e) {
          return `Not valid JSON: ${e.message}`;
        }
      };
      break;
    default:
      input = h('input', {type: 'text', id, 'aria-describedby': describedBy});
      get = () => input.value;
      set = (value) => { input.value = value ?? ''; };
  }
  if (!editor) {
    input.addEventListener('input', onChange);
    input.addEventListener('change', onChange);
  }

  const labelled = field.type === 'list' || field.type === 'mappings'
    ? h('fieldset', {class: 'field setting', dataset: {key: field.key}, 'aria-describedby': describedBy},
        h('legend', {}, field.label), hint, input, error)
    : field.type === 'boolean'
      ? h('div', {class: 'field setting', dataset: {key: field.key}},
          h('div', {class: 'field-inline'}, input, h('label', {for: id}, field.label)), hint, error)
      : h('div', {class: 'field setting', dataset: {key: field.key}},
          h('label', {for: id}, field.label), input, hint, error);

  const focusTarget = () => (editor ? editor : input);
  return {
    key: field.key,
    element: labelled,
    get,
    set,
    check,
    focus: () => focusTarget().focus(),
    error(message) {
      error.textContent = message || '';
      if (!editor) {
        if (message) {
          input.setAttribute('aria-invalid', 'true');
        } else {
          input.removeAttribute('aria-invalid');
        }
      }
    },
  };
}

/**
 * Builds the form's sections into `container` for the keys of `config`.
 * Returns a Map key → control.
 */
export function buildSettingsForm(container, config, onChange) {
  const controls = new Map();
  const groups = GROUPS.map((group) => ({title: group.title, fields: group.fields.filter((field) => field.key in config)}));
  const others = Object.keys(config).filter((key) => !KNOWN_KEYS.has(key)).sort();
  if (others.length) groups.push({title: 'Other', fields: others.map((key) => inferField(key, config[key]))});
  for (const group of groups) {
    if (!group.fields.length) continue;
    const fields = group.fields.map((field) => {
      const made = control(field, onChange);
      controls.set(field.key, made);
      return made.element;
    });
    const wide = group.fields.some((field) => field.type === 'list' || field.type === 'mappings');
    container.append(h('section', {class: 'card section settings-group', 'aria-label': group.title},
        h('h2', {}, group.title), h('div', {class: wide ? 'settings-wide' : 'form-grid'}, fields)));
  }
  return controls;
}
