// Runtime settings (/settings): view and edit what can change without a restart, the model mappings
// included. The server validates a save whole (all keys or none) and names the key it refused; that
// message is shown next to the key. Changes made elsewhere arrive live on the event feed.

import {mountLayout, setLiveState} from '/assets/layout.js';
import {api, sse} from '/assets/api.js';
import {byId, h, replace, say} from '/assets/dom.js';
import {buildSettingsForm} from '/assets/settings-form.js';

mountLayout('settings');

const form = byId('settings-form');
const message = byId('settings-message');
const saveButtons = [byId('save-button'), byId('save-button-bottom')];
let saved = null;
let controls = null;
let saving = false;

function currentValues() {
  const values = {};
  for (const [key, control] of controls) {
    if (control.check()) continue;
    values[key] = control.get();
  }
  return values;
}

/** Keys whose value in the form differs from the saved one. */
function changedKeys() {
  if (!controls || !saved) return [];
  const values = currentValues();
  return [...controls.keys()].filter((key) => Boolean(controls.get(key).check())
    || (key in values && JSON.stringify(values[key]) !== JSON.stringify(saved[key])));
}

function updateDirty() {
  const dirty = changedKeys().length > 0;
  saveButtons.forEach((button) => { button.disabled = !dirty || saving; });
  byId('revert-button').disabled = !dirty;
  form.dataset.dirty = String(dirty);
  return dirty;
}

function show(config) {
  saved = config;
  if (!controls) {
    const container = byId('settings-fields');
    replace(container);
    controls = buildSettingsForm(container, config, updateDirty);
  }
  for (const [key, control] of controls) {
    control.set(config[key]);
    control.error('');
  }
  updateDirty();
}

async function load() {
  try {
    show(await api('/api/runtime-config'));
    return true;
  } catch (error) {
    say(message, 'error', `Could not load the settings: ${error.message}`);
    if (!controls) replace(byId('settings-fields'), h('p', {class: 'empty-state'}, 'The settings are not available right now.'));
    return false;
  }
}

function clearErrors() {
  for (const control of controls.values()) control.error('');
}

/** The control a server error is about: "model_mappings.exact" and "system_prompt_add[2]" belong to their key. */
function controlFor(param) {
  if (!param) return null;
  const key = String(param).split(/[.[]/)[0];
  return controls.get(key) || null;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!controls || saving) return;
  clearErrors();
  for (const [, control] of controls) {
    const problem = control.check();
    if (problem) {
      control.error(problem);
      say(message, 'error', 'Fix the highlighted setting before saving.');
      control.focus();
      return;
    }
  }
  const values = currentValues();
  const changes = {};
  for (const key of changedKeys()) changes[key] = values[key];
  if (!Object.keys(changes).length) {
    say(message, 'info', 'Nothing changed.');
    return;
  }
  saving = true;
  updateDirty();
  say(message, 'info', 'Saving…');
  try {
    const result = await api('/api/runtime-config', {json: changes});
    show(result.config);
    say(message, 'ok', result.message || 'Saved.');
  } catch (error) {
    const control = controlFor(error.param);
    say(message, 'error', `Not saved, nothing was changed: ${error.message}`);
    if (control) {
      control.error(error.message);
      control.focus();
    } else {
      message.focus();
    }
  } finally {
    saving = false;
    updateDirty();
  }
});

byId('revert-button').addEventListener('click', () => {
  if (saved) show(saved);
  say(message, '', '');
});

/** Settings changed by someone else (another tab, another node, the API); our own saves echo back too. */
async function onConfigChanged() {
  if (saving) return;
  let current;
  try {
    current = await api('/api/runtime-config');
  } catch (error) {
    return;
  }
  if (saving || JSON.stringify(current) === JSON.stringify(saved)) return;
  if (form.dataset.dirty === 'true') {
    replace(message, 'The settings were changed elsewhere. ',
        h('button', {type: 'button', class: 'btn-small', onclick: async () => {
          if (await load()) say(message, 'info', 'Showing the current settings; your unsaved edits were dropped.');
        }}, 'Show the new values'));
    message.className = 'message message-warn';
    return;
  }
  show(current);
  say(message, 'info', 'The settings were changed elsewhere; showing the new values.');
}

sse('/api/events', {
  events: {config: onConfigChanged},
  onState: setLiveState,
  onOpen: ({reconnected}) => {
    if (reconnected && form.dataset.dirty !== 'true') load();
  },
});

window.addEventListener('beforeunload', (event) => {
  if (form.dataset.dirty === 'true') event.preventDefault();
});

load();
