// An editable list of strings: one input (or text area) per item, with add and remove buttons.

import {h} from '/assets/dom.js';

/**
 * @returns {element, get(): string[], set(values), focus()}; `onChange` is called on every edit.
 */
export function listEditor({id, label, multiline = false, onChange = () => {}}) {
  const list = h('ol', {class: 'list-editor-items', id: `${id}-items`});
  const element = h('div', {class: 'list-editor', id, role: 'group', 'aria-label': label},
      list,
      h('button', {type: 'button', class: 'btn-small', onclick: () => {
        addItem('');
        list.lastElementChild.querySelector('input, textarea').focus();
        onChange();
      }}, 'Add'));

  function addItem(value) {
    const index = list.children.length + 1;
    const field = multiline
      ? h('textarea', {rows: '2', 'aria-label': `${label}, item ${index}`})
      : h('input', {type: 'text', 'aria-label': `${label}, item ${index}`});
    field.value = value;
    field.addEventListener('input', onChange);
    const item = h('li', {class: 'list-editor-item'}, field,
        h('button', {type: 'button', class: 'btn-small btn-ghost', 'aria-label': `Remove ${label} item ${index}`,
          onclick: () => {
            item.remove();
            onChange();
          }}, 'Remove'));
    list.append(item);
  }

  return {
    element,
    get() {
      return [...list.querySelectorAll('input, textarea')].map((field) => field.value).filter((value) => value.trim() !== '');
    },
    set(values) {
      list.replaceChildren();
      (values || []).forEach(addItem);
    },
    focus() {
      const first = element.querySelector('input, textarea, button');
      if (first) first.focus();
    },
  };
}
