// The folder picker of the new-session form: recent folders first, then browsing sub-folders from a
// starting point (/api/agent/folders), choosing one fills the folder field.

import {api, query} from '/assets/api.js';
import {h, replace} from '/assets/dom.js';

export class FolderPicker {
  /** `panel` holds the picker; `choose(path)` receives the chosen folder. */
  constructor(panel, {choose}) {
    this.panel = panel;
    this.choose = choose;
  }

  toggle(start, recent) {
    if (!this.panel.hidden) {
      this.panel.hidden = true;
      return;
    }
    this.panel.hidden = false;
    this.recent = recent || [];
    this.show(start);
  }

  async show(path) {
    replace(this.panel, h('p', {class: 'loading small'}, 'Loading folders…'));
    let listing;
    try {
      listing = await api(`/api/agent/folders${query({path})}`);
    } catch (e) {
      replace(this.panel, h('p', {class: 'message message-error'}, e.message),
          h('button', {type: 'button', class: 'btn-small', onclick: () => this.show('')}, 'Start from the home folder'));
      return;
    }
    const pick = (folder) => {
      this.choose(folder);
      this.panel.hidden = true;
    };
    const items = [];
    if (listing.parent) {
      items.push(h('li', {}, h('button', {type: 'button', class: 'btn-ghost btn-small agent-folder',
        onclick: () => this.show(listing.parent)}, '↑ ..')));
    }
    for (const name of listing.dirs) {
      const child = listing.path.endsWith('/') ? listing.path + name : `${listing.path}/${name}`;
      items.push(h('li', {}, h('button', {type: 'button', class: 'btn-ghost btn-small agent-folder',
        onclick: () => this.show(child)}, `${name}/`)));
    }
    replace(this.panel,
        h('div', {class: 'agent-folder-current'}, h('span', {class: 'mono small'}, listing.path),
            h('button', {type: 'button', class: 'btn-small btn-primary', id: 'use-folder',
              onclick: () => pick(listing.path)}, 'Use this folder')),
        this.recent.length ? h('div', {class: 'small'}, h('span', {class: 'muted'}, 'Recent: '),
            this.recent.slice(0, 6).map((dir) => h('button', {type: 'button', class: 'btn-ghost btn-small agent-folder',
              onclick: () => pick(dir)}, dir))) : null,
        h('ul', {class: 'agent-folder-list'}, items),
        listing.truncated ? h('p', {class: 'muted small'}, 'Only the first folders are shown.') : null);
  }
}
