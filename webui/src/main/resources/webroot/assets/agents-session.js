// One agent session on the agents page: its header (status, mode, model, permission policy, close,
// resume), the transcript, and the prompt box. Live sessions follow /api/agent/sessions/<id>/events (each
// event numbered, so a reconnect never shows one twice); a prompt is sent with POST .../prompt.

import {api, errorOf, sse} from '/assets/api.js';
import {h, replace, say} from '/assets/dom.js';
import {setLiveState} from '/assets/layout.js';
import {Transcript} from '/assets/agents-transcript.js';

const LIVE = new Set(['starting', 'ready', 'prompting']);
const STATUS_BADGE = {
  ready: 'badge-ok', prompting: 'badge-live', starting: 'badge-info', closing: 'badge-info', failed: 'badge-err',
  disconnected: 'badge-warn', closed: '',
};
const STATUS_TEXT = {prompting: 'working', disconnected: 'not running'};
const EVENT_TYPES = ['status', 'prompt', 'update', 'permission', 'permission_resolved', 'file', 'terminal',
  'terminal_output', 'error', 'cancelling', 'done', 'settings', 'ended', 'ping'];

/** Shows session `id` in `container`; `onChange()` is called when its status changes (to refresh lists). */
export class SessionView {
  constructor(container, id, {onChange}) {
    this.container = container;
    this.id = id;
    this.onChange = onChange || (() => {});
    this.path = `/api/agent/sessions/${encodeURIComponent(id)}`;
    this.lastSeq = 0;
    this.feed = null;
    this.detail = null;
  }

  async open() {
    replace(this.container, h('p', {class: 'loading'}, 'Loading the session…'));
    const detail = await api(this.path);
    this.detail = detail;
    this.lastSeq = detail.last_seq || 0;
    this.build();
    this.transcript.showStored(detail.messages);
    this.transcript.showRunning(detail.running_turn);
    this.showStatus(detail.status, detail.status_reason);
    this.showSettings(detail);
    if (LIVE.has(detail.status)) this.follow();
  }

  close() {
    if (this.feed) this.feed.close();
    this.feed = null;
    setLiveState('closed');
  }

  build() {
    const d = this.detail;
    this.statusBadge = h('span', {class: 'badge', id: 'session-status'});
    this.statusReason = h('span', {class: 'muted small agent-status-reason'});
    this.message = h('p', {class: 'message', role: 'status', id: 'session-message'});
    this.modeSelect = h('select', {id: 'session-mode', onchange: () => this.change('/mode', {mode_id: this.modeSelect.value})});
    this.modelSelect = h('select', {id: 'session-model', onchange: () => this.change('/model', {model_id: this.modelSelect.value})});
    this.policySelect = h('select', {id: 'session-auto-approve',
      onchange: () => this.change('/auto-approve', {policy: this.policySelect.value})},
    h('option', {value: 'ask'}, 'Ask every time'), h('option', {value: 'reads'}, 'Allow reads'),
    h('option', {value: 'all'}, 'Allow everything'));
    this.closeButton = h('button', {type: 'button', class: 'btn-small btn-danger', id: 'close-session',
      onclick: () => this.closeSession()}, 'Close session');
    this.resumeButton = h('button', {type: 'button', class: 'btn-small btn-primary', id: 'resume-session',
      onclick: () => this.resume()}, 'Resume');
    this.log = h('div', {class: 'agent-log', id: 'agent-log', role: 'log', 'aria-live': 'polite',
      'aria-label': 'Conversation'});
    this.transcript = new Transcript(this.log, {onAnswer: (requestId, optionId) => this.answer(requestId, optionId)});
    this.input = h('textarea', {id: 'prompt-input', rows: '3', placeholder: 'Ask the agent… (Enter sends, Shift+Enter for a new line)',
      'aria-label': 'Prompt', onkeydown: (e) => {
        if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
          e.preventDefault();
          this.send();
        }
      }});
    this.sendButton = h('button', {type: 'submit', class: 'btn-primary', id: 'send-prompt'}, 'Send');
    this.cancelButton = h('button', {type: 'button', class: 'btn-danger', id: 'cancel-prompt', hidden: true,
      onclick: () => this.cancel()}, 'Cancel');
    this.commands = h('p', {class: 'muted small agent-commands'});
    this.form = h('form', {class: 'agent-composer', id: 'prompt-form', onsubmit: (e) => {
      e.preventDefault();
      this.send();
    }}, this.input, h('div', {class: 'btn-group'}, this.sendButton, this.cancelButton), this.commands);

    replace(this.container,
        h('div', {class: 'agent-session-head'},
            h('div', {},
                h('h2', {id: 'session-title'}, d.title || (d.agent_name || d.agent_kind) + ' session'),
                h('p', {class: 'muted small'}, `${d.agent_info && (d.agent_info.title || d.agent_info.name) || d.agent_name || d.agent_kind}`
                    + ` · ${d.working_directory}`),
                h('p', {class: 'small'}, this.statusBadge, ' ', this.statusReason)),
            h('div', {class: 'agent-session-tools'},
                field('session-mode', 'Mode', this.modeSelect),
                field('session-model', 'Model', this.modelSelect),
                field('session-auto-approve', 'Permissions', this.policySelect),
                h('div', {class: 'btn-group'}, this.resumeButton, this.closeButton))),
        this.message, this.log, this.form);
  }

  follow() {
    if (this.feed) this.feed.close();
    const events = {};
    for (const type of EVENT_TYPES) events[type] = (event) => this.onEvent(event);
    this.feed = sse(`${this.path}/events?after=${this.lastSeq}`, {events, onState: setLiveState});
  }

  onEvent(event) {
    if (!event || typeof event.seq !== 'number' || event.seq <= this.lastSeq) return;
    this.lastSeq = event.seq;
    switch (event.type) {
      case 'status':
        this.showStatus(event.status, event.reason);
        this.onChange();
        break;
      case 'settings':
        this.showSettings(event);
        break;
      case 'ended':
        this.showStatus(event.status, event.reason);
        this.close();
        this.onChange();
        break;
      case 'ping':
        break;
      default:
        this.transcript.apply(event);
        if (event.type === 'update' && event.update && event.update.sessionUpdate === 'session_info_update'
            && event.update.title) {
          document.getElementById('session-title').textContent = event.update.title;
        }
    }
  }

  showStatus(status, reason) {
    this.status = status;
    this.statusBadge.className = `badge ${STATUS_BADGE[status] || ''}`;
    this.statusBadge.textContent = STATUS_TEXT[status] || status;
    this.statusReason.textContent = reason || '';
    const live = LIVE.has(status);
    const running = status === 'prompting';
    this.input.disabled = !live;
    this.sendButton.disabled = !live || running;
    this.cancelButton.hidden = !running;
    this.closeButton.hidden = !live;
    this.resumeButton.hidden = live || !this.detail.can_resume;
    for (const select of [this.modeSelect, this.modelSelect, this.policySelect]) select.disabled = !live;
    this.container.dataset.status = status;
  }

  showSettings(settings) {
    const modes = settings.modes && settings.modes.availableModes;
    fillSelect(this.modeSelect, (modes || []).map((m) => ({value: m.id, label: m.name || m.id})),
        settings.modes && settings.modes.currentModeId);
    const modelOption = (settings.config_options || []).find((o) => o.category === 'model');
    if (modelOption) {
      fillSelect(this.modelSelect, flattenOptions(modelOption.options), modelOption.currentValue);
    } else {
      const models = settings.models && settings.models.availableModels;
      fillSelect(this.modelSelect, (models || []).map((m) => ({value: m.modelId, label: m.name || m.modelId})),
          settings.models && settings.models.currentModelId);
    }
    if (settings.auto_approve) this.policySelect.value = settings.auto_approve;
    const commands = settings.available_commands;
    if (Array.isArray(commands) && commands.length) {
      replace(this.commands, 'Commands: ', commands.slice(0, 30).map((c, i) => [i ? ', ' : '',
        h('button', {type: 'button', class: 'btn-ghost btn-small agent-command', title: c.description || '',
          onclick: () => {
            this.input.value = `/${c.name} `;
            this.input.focus();
          }}, `/${c.name}`)]));
    }
  }

  async send() {
    const text = this.input.value.trim();
    if (!text || this.sendButton.disabled) return;
    this.sendButton.disabled = true;
    say(this.message, '', '');
    const controller = new AbortController();
    try {
      const response = await fetch(`${this.path}/prompt`, {
        method: 'POST', credentials: 'same-origin', signal: controller.signal,
        headers: {'Content-Type': 'application/json', Accept: 'text/event-stream'}, body: JSON.stringify({text}),
      });
      if (!response.ok) throw await errorOf(response);
      this.input.value = '';
      // The turn's events arrive on the session's event stream: this one is not needed.
      controller.abort();
      if (!this.feed) this.follow();
    } catch (e) {
      if (e.name !== 'AbortError') {
        say(this.message, 'error', e.message);
        this.sendButton.disabled = this.status === 'prompting' || !LIVE.has(this.status);
      }
    }
  }

  async cancel() {
    try {
      await api(`${this.path}/cancel`, {json: {}});
    } catch (e) {
      say(this.message, 'error', e.message);
    }
  }

  answer(requestId, optionId) {
    return api(`${this.path}/permissions/${encodeURIComponent(requestId)}`,
        {json: optionId ? {option_id: optionId} : {dismiss: true}});
  }

  async change(suffix, body) {
    try {
      const settings = await api(`${this.path}${suffix}`, {json: body});
      this.showSettings(settings);
      say(this.message, '', '');
    } catch (e) {
      say(this.message, 'error', e.message);
    }
  }

  async closeSession() {
    this.closeButton.disabled = true;
    try {
      await api(this.path, {method: 'DELETE'});
    } catch (e) {
      say(this.message, 'error', e.message);
    } finally {
      this.closeButton.disabled = false;
    }
  }

  async resume() {
    this.resumeButton.disabled = true;
    say(this.message, 'info', 'Starting the agent again…');
    try {
      await api(`${this.path}/resume`, {json: {}});
      this.close();
      await this.open();
      this.onChange();
    } catch (e) {
      say(this.message, 'error', e.message);
      this.resumeButton.disabled = false;
    }
  }
}

function field(id, label, control) {
  return h('div', {class: 'field field-inline'}, h('label', {for: id}, label), control);
}

function fillSelect(select, options, current) {
  replace(select, options.map((o) => h('option', {value: o.value}, o.label)));
  select.parentElement.hidden = options.length === 0;
  if (current != null) select.value = current;
}

/** Config option values, flattened from groups ({group, name, options}) when the agent groups them. */
function flattenOptions(options) {
  const out = [];
  for (const option of options || []) {
    if (Array.isArray(option.options)) {
      for (const inner of option.options) out.push({value: inner.value, label: `${option.name}: ${inner.name || inner.value}`});
    } else {
      out.push({value: option.value, label: option.name || option.value});
    }
  }
  return out;
}
