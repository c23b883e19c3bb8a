// The conversation of one agent session, drawn from session events (live) or from stored turns (their
// entries have the same shape as events): prompts, streamed text and thoughts, tool calls with status,
// input, output and diffs, plans, usage, permission requests with their answers, files, terminals, errors.

import {h, replace} from '/assets/dom.js';
import {renderJson} from '/assets/json-view.js';
import {renderDiff} from '/assets/agents-diff.js';

const TOOL_STATUS = {pending: 'badge-info', in_progress: 'badge-live', completed: 'badge-ok', failed: 'badge-err',
  cancelled: 'badge-warn'};
const PLAN_MARK = {pending: '○', in_progress: '◐', completed: '●'};
const STOP_TEXT = {
  end_turn: 'Finished', cancelled: 'Cancelled', max_tokens: 'Stopped: token limit', refusal: 'Refused',
  max_turn_requests: 'Stopped: too many requests', error: 'Failed',
};

/** A transcript in `container`; `onAnswer(requestId, optionId | null)` answers a permission request. */
export class Transcript {
  constructor(container, {onAnswer}) {
    this.container = container;
    this.onAnswer = onAnswer;
    this.turn = null;
    this.tools = new Map();
    this.terminals = new Map();
    this.permissions = new Map();
  }

  clear() {
    replace(this.container);
    this.turn = null;
    this.tools.clear();
    this.terminals.clear();
    this.permissions.clear();
  }

  /** Draws stored messages: user prompts, and agent turns as their compacted entries. */
  showStored(messages) {
    for (const message of messages || []) {
      if (message.role === 'user') {
        this.startTurn(message.prompt_id, message.text);
      } else {
        if (!this.turn || this.turn.promptId !== message.prompt_id) this.startTurn(message.prompt_id, null);
        for (const entry of message.entries || []) this.apply(entry);
        if (message.dropped) this.note(`${message.dropped} more events were not kept.`);
        this.finishTurn({stop_reason: message.stop_reason, usage: message.usage});
      }
    }
  }

  /** Draws the turn that was running when the page opened (its entries so far). */
  showRunning(running) {
    if (!running) return;
    if (!this.turn || this.turn.promptId !== running.prompt_id) this.startTurn(running.prompt_id, null);
    for (const entry of running.entries || []) this.apply(entry);
  }

  /** Applies one session event (or stored entry). */
  apply(event) {
    switch (event.type) {
      case 'prompt': this.startTurn(event.prompt_id, event.text); break;
      case 'update': this.applyUpdate(event.update || {}); break;
      case 'permission': this.permission(event); break;
      case 'permission_resolved': this.resolved(event); break;
      case 'file': this.file(event); break;
      case 'terminal': this.terminal(event); break;
      case 'terminal_output': this.terminalOutput(event); break;
      case 'error': this.error(event.message, event.data); break;
      case 'cancelling': this.note('Cancelling…'); break;
      case 'done': this.finishTurn(event); break;
      default: break;
    }
  }

  startTurn(promptId, text) {
    const body = h('div', {class: 'agent-turn-body'});
    const turn = h('section', {class: 'agent-turn', dataset: {promptId: promptId || ''}});
    if (text != null) turn.append(h('div', {class: 'agent-user'}, h('span', {class: 'visually-hidden'}, 'You: '), text));
    turn.append(body);
    this.container.append(turn);
    this.turn = {promptId, element: turn, body, message: null, messageKind: null, plan: null, usage: null};
    this.scroll();
  }

  ensureTurn() {
    if (!this.turn) this.startTurn(null, null);
    return this.turn;
  }

  applyUpdate(update) {
    const turn = this.ensureTurn();
    switch (update.sessionUpdate) {
      case 'agent_message_chunk':
      case 'agent_thought_chunk':
      case 'user_message_chunk':
        this.chunk(turn, update);
        break;
      case 'tool_call':
      case 'tool_call_update':
        this.toolCall(turn, update);
        break;
      case 'plan':
        this.plan(turn, update.entries || []);
        break;
      case 'usage_update':
        this.usage(turn, update);
        break;
      default:
        return;
    }
    this.scroll();
  }

  chunk(turn, update) {
    const content = update.content || {};
    const text = content.type === 'text' ? content.text || '' : `[${content.type || 'content'}]`;
    const kind = update.sessionUpdate;
    const id = update.messageId || null;
    if (!turn.message || turn.messageKind !== kind || turn.messageId !== id) {
      let element;
      if (kind === 'agent_thought_chunk') {
        element = h('pre', {class: 'agent-thought-text'});
        turn.body.append(h('details', {class: 'agent-thought'}, h('summary', {}, 'Thinking'), element));
      } else if (kind === 'user_message_chunk') {
        element = h('pre', {class: 'agent-text'});
        turn.body.append(h('div', {class: 'agent-user agent-user-replayed'}, element));
      } else {
        element = h('pre', {class: 'agent-text'});
        turn.body.append(h('div', {class: 'agent-message'}, element));
      }
      turn.message = element;
      turn.messageKind = kind;
      turn.messageId = id;
    }
    turn.message.append(text);
  }

  toolCall(turn, update) {
    const id = update.toolCallId;
    let tool = this.tools.get(id);
    if (!tool) {
      tool = {model: {}, element: h('div', {class: 'agent-tool', dataset: {toolCallId: id || ''}})};
      this.tools.set(id, tool);
      turn.body.append(tool.element);
      turn.message = null;
    }
    for (const [key, value] of Object.entries(update)) {
      if (key !== 'sessionUpdate') tool.model[key] = value;
    }
    this.drawTool(tool);
  }

  drawTool(tool) {
    const call = tool.model;
    const status = call.status || 'pending';
    const parts = [h('div', {class: 'agent-tool-head'},
        h('span', {class: `badge ${TOOL_STATUS[status] || ''} agent-tool-status`}, status.replace('_', ' ')),
        h('span', {class: 'agent-tool-kind muted small'}, call.kind || 'other'),
        h('span', {class: 'agent-tool-title'}, call.title || call.toolCallId || 'Tool call'))];
    if (Array.isArray(call.locations) && call.locations.length) {
      parts.push(h('div', {class: 'agent-tool-locations muted small mono'},
          call.locations.map((l) => (l.line ? `${l.path}:${l.line}` : l.path)).join('  ')));
    }
    if (call.rawInput !== undefined && call.rawInput !== null) {
      parts.push(h('details', {class: 'agent-tool-io'}, h('summary', {}, 'Input'), renderJson(call.rawInput, {expandDepth: 1})));
    }
    for (const item of call.content || []) {
      if (item.type === 'diff') {
        parts.push(renderDiff(item));
      } else if (item.type === 'terminal') {
        parts.push(this.terminalBlock(item.terminalId).element);
      } else if (item.type === 'content' && item.content) {
        const content = item.content;
        parts.push(h('pre', {class: 'agent-tool-output'}, content.type === 'text' ? content.text || ''
            : `[${content.type}]`));
      }
    }
    if (call.rawOutput !== undefined && call.rawOutput !== null) {
      parts.push(h('details', {class: 'agent-tool-io'}, h('summary', {}, 'Output'), renderJson(call.rawOutput, {expandDepth: 1})));
    }
    replace(tool.element, parts);
    tool.element.dataset.status = status;
  }

  plan(turn, entries) {
    const list = h('ol', {class: 'agent-plan-entries'}, entries.map((entry) => h('li', {
      class: `agent-plan-entry agent-plan-${entry.status || 'pending'}`,
    }, h('span', {class: 'agent-plan-mark', 'aria-hidden': 'true'}, PLAN_MARK[entry.status] || '○'),
        h('span', {}, entry.content || ''),
        h('span', {class: 'visually-hidden'}, ` (${(entry.status || 'pending').replace('_', ' ')})`),
        entry.priority ? h('span', {class: 'muted small'}, ` ${entry.priority}`) : null)));
    const element = h('div', {class: 'agent-plan'}, h('div', {class: 'agent-plan-title'}, 'Plan'), list);
    if (turn.plan) {
      turn.plan.replaceWith(element);
    } else {
      turn.body.append(element);
      turn.message = null;
    }
    turn.plan = element;
  }

  usage(turn, update) {
    const cost = update.cost && typeof update.cost.amount === 'number'
        ? ` · ${update.cost.amount.toFixed(update.cost.amount < 1 ? 4 : 2)} ${update.cost.currency || ''}` : '';
    const text = `Context ${formatTokens(update.used)} of ${formatTokens(update.size)} tokens${cost}`;
    const element = h('div', {class: 'agent-usage muted small'}, text);
    if (turn.usage) {
      turn.usage.replaceWith(element);
    } else {
      turn.body.append(element);
    }
    turn.usage = element;
  }

  permission(event) {
    const turn = this.ensureTurn();
    const call = event.tool_call || {};
    const buttons = h('div', {class: 'btn-group agent-permission-options'});
    const outcome = h('p', {class: 'agent-permission-outcome small', role: 'status'});
    const element = h('div', {class: 'agent-permission', dataset: {requestId: event.request_id}},
        h('div', {class: 'agent-permission-title'}, event.auto ? 'Allowed by the session policy: ' : 'Permission needed: ',
            h('strong', {}, call.title || call.toolCallId || 'a tool call'),
            call.kind ? h('span', {class: 'muted small'}, ` (${call.kind})`) : null),
        buttons, outcome);
    if (!event.auto) {
      for (const option of event.options || []) {
        const reject = String(option.kind || '').startsWith('reject');
        buttons.append(h('button', {
          type: 'button', class: ['btn-small', reject ? 'btn-danger' : 'btn-primary'],
          dataset: {optionId: option.optionId}, onclick: () => this.answer(event.request_id, option.optionId),
        }, option.name || option.optionId));
      }
      buttons.append(h('button', {type: 'button', class: 'btn-small btn-ghost',
        onclick: () => this.answer(event.request_id, null)}, 'Dismiss'));
    }
    this.permissions.set(event.request_id, {element, buttons, outcome, options: event.options || []});
    turn.body.append(element);
    turn.message = null;
    if (event.resolution) this.resolved({request_id: event.request_id, ...event.resolution});
    this.scroll();
  }

  async answer(requestId, optionId) {
    const permission = this.permissions.get(requestId);
    if (permission) permission.buttons.querySelectorAll('button').forEach((b) => { b.disabled = true; });
    try {
      await this.onAnswer(requestId, optionId);
    } catch (e) {
      if (permission) {
        permission.outcome.textContent = e.message;
        permission.buttons.querySelectorAll('button').forEach((b) => { b.disabled = false; });
      }
    }
  }

  resolved(event) {
    const permission = this.permissions.get(event.request_id);
    if (!permission) return;
    permission.buttons.querySelectorAll('button').forEach((b) => { b.disabled = true; });
    const option = permission.options.find((o) => o.optionId === event.option_id);
    const who = {user: 'you', auto: 'the session policy', timeout: 'no answer in time', cancel: 'the cancel',
      agent: 'the agent', exit: 'the agent ending', close: 'closing the session'}[event.by] || event.by;
    permission.outcome.textContent = event.outcome === 'selected'
        ? `Answered “${option ? option.name : event.option_id}” by ${who}.` : `Cancelled by ${who}.`;
    permission.element.classList.add('agent-permission-done');
  }

  file(event) {
    const turn = this.ensureTurn();
    const verb = event.op === 'write' ? 'Wrote' : 'Read';
    turn.body.append(h('div', {class: ['agent-file small', event.refused ? 'agent-file-refused' : null]},
        event.refused ? `${verb} refused: ${event.refused}` : `${verb} ${event.path} (${event.bytes} bytes)`));
    turn.message = null;
  }

  terminalBlock(id) {
    let block = this.terminals.get(id);
    if (!block) {
      const output = h('pre', {class: 'agent-terminal-output'});
      const state = h('span', {class: 'muted small'}, 'running');
      block = {output, state, element: h('div', {class: 'agent-terminal', dataset: {terminalId: id}},
          h('div', {class: 'agent-terminal-head small'}, h('span', {class: 'mono'}, id), ' ', state), output)};
      this.terminals.set(id, block);
    }
    return block;
  }

  terminal(event) {
    const block = this.terminalBlock(event.terminal_id);
    if (event.state === 'started') {
      block.state.textContent = `$ ${(event.command || []).join(' ')}`;
      if (!block.element.isConnected) this.ensureTurn().body.append(block.element);
    } else if (event.state === 'exited') {
      block.state.textContent += event.signal ? ` · ended by ${event.signal}` : ` · exit code ${event.exit_code}`;
    } else if (event.state === 'released') {
      block.element.classList.add('agent-terminal-released');
    }
  }

  terminalOutput(event) {
    const block = this.terminalBlock(event.terminal_id);
    if (!block.element.isConnected) this.ensureTurn().body.append(block.element);
    block.output.append(event.text || '');
  }

  error(message, data) {
    const turn = this.ensureTurn();
    turn.body.append(h('div', {class: 'message message-error agent-error'}, message || 'Error',
        data ? h('pre', {class: 'small'}, JSON.stringify(data, null, 2)) : null));
    turn.message = null;
    this.scroll();
  }

  note(text) {
    this.ensureTurn().body.append(h('div', {class: 'agent-note muted small'}, text));
  }

  finishTurn(event) {
    const turn = this.ensureTurn();
    const reason = event.stop_reason || 'end_turn';
    const usage = event.usage && event.usage.totalTokens ? ` · ${formatTokens(event.usage.totalTokens)} tokens` : '';
    turn.element.append(h('div', {class: `agent-stop agent-stop-${reason}`, dataset: {stopReason: reason}},
        STOP_TEXT[reason] || reason, usage));
    for (const tool of this.tools.values()) {
      if (reason === 'cancelled' && tool.model.status !== 'completed' && tool.model.status !== 'failed'
          && turn.element.contains(tool.element)) {
        tool.model.status = 'cancelled';
        this.drawTool(tool);
      }
    }
    this.turn = null;
    this.scroll();
  }

  scroll() {
    const box = this.container;
    box.scrollTop = box.scrollHeight;
  }
}

function formatTokens(value) {
  if (typeof value !== 'number') return '?';
  return value >= 1000 ? `${(value / 1000).toFixed(value >= 10000 ? 0 : 1)}k` : String(value);
}
