// How a streamed answer was put together, event by event: OpenAI Chat chunks, Anthropic Messages events
// and OpenAI Responses events. Text only ever grows, so each step keeps lengths, not copies: the text after
// step k is the final text cut at that step's length (memory stays linear in the stream's size).

/**
 * @param events the raw `data:` payloads (strings) as recorded
 * @returns {steps: [{index, raw, data, label, textLength, thinkingLength, toolLengths}], text, thinking,
 *           tools: [{name, id, arguments}], stopReason, usage, format}
 */
export function assembleStream(events) {
  const state = {text: '', thinking: '', tools: [], stopReason: null, usage: null, format: null, blocks: new Map()};
  const steps = [];
  (events || []).forEach((raw, index) => {
    const data = parse(raw);
    const label = apply(state, data, raw);
    steps.push({
      index,
      raw,
      data,
      label,
      textLength: state.text.length,
      thinkingLength: state.thinking.length,
      toolLengths: state.tools.map((tool) => tool.arguments.length),
    });
  });
  return {steps, text: state.text, thinking: state.thinking, tools: state.tools, stopReason: state.stopReason,
    usage: state.usage, format: state.format};
}

/** What was assembled after step `k` (0-based), from the result of assembleStream. */
export function assembledAt(assembly, k) {
  const step = assembly.steps[k];
  if (!step) return {text: '', thinking: '', tools: []};
  return {
    text: assembly.text.slice(0, step.textLength),
    thinking: assembly.thinking.slice(0, step.thinkingLength),
    tools: assembly.tools.slice(0, step.toolLengths.length).map((tool, i) => ({
      name: tool.name, id: tool.id, arguments: tool.arguments.slice(0, step.toolLengths[i]),
    })),
  };
}

function parse(raw) {
  if (typeof raw !== 'string') return raw;
  const text = raw.trim();
  if (text === '[DONE]') return '[DONE]';
  try {
    return JSON.parse(text);
  } catch (e) {
    return null;
  }
}

function preview(text, max = 40) {
  const oneLine = String(text).replace(/\s+/g, ' ');
  return JSON.stringify(oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine);
}

/** Applies one event to the state; returns a short description of it. */
function apply(state, data, raw) {
  if (data === '[DONE]') return '[DONE]';
  if (data === null || typeof data !== 'object') return `unreadable: ${preview(raw)}`;
  if (data._truncated) return `… ${data._dropped_bytes || data._size || ''} more bytes were not kept`;
  if (data.error) {
    return `error: ${data.error.message || data.error.type || JSON.stringify(data.error)}`;
  }
  if (typeof data.type === 'string' && data.type.startsWith('response.')) return applyResponses(state, data);
  if (typeof data.type === 'string') return applyAnthropic(state, data);
  if (Array.isArray(data.choices) || data.object === 'chat.completion.chunk') return applyChat(state, data);
  return 'event';
}

function applyChat(state, data) {
  state.format = state.format || 'openai-chat';
  const parts = [];
  for (const choice of data.choices || []) {
    const delta = choice.delta || {};
    if (typeof delta.content === 'string' && delta.content) {
      state.text += delta.content;
      parts.push(`text ${preview(delta.content)}`);
    }
    const reasoning = delta.reasoning_content ?? delta.reasoning_text ?? delta.reasoning;
    if (typeof reasoning === 'string' && reasoning) {
      state.thinking += reasoning;
      parts.push(`thinking ${preview(reasoning)}`);
    }
    for (const call of delta.tool_calls || []) {
      const index = Number.isInteger(call.index) ? call.index : state.tools.length;
      const tool = state.tools[index] || (state.tools[index] = {name: '', id: '', arguments: ''});
      if (call.id) tool.id = call.id;
      if (call.function && call.function.name) tool.name += call.function.name;
      if (call.function && call.function.arguments) tool.arguments += call.function.arguments;
      parts.push(`tool call ${tool.name || index}`);
    }
    if (delta.role && !parts.length) parts.push(`role ${delta.role}`);
    if (choice.finish_reason) {
      state.stopReason = choice.finish_reason;
      parts.push(`finish: ${choice.finish_reason}`);
    }
  }
  if (data.usage) {
    state.usage = data.usage;
    parts.push('usage');
  }
  fillToolGaps(state);
  return parts.join(' · ') || 'chunk';
}

function applyAnthropic(state, data) {
  state.format = state.format || 'anthropic';
  switch (data.type) {
    case 'message_start':
      if (data.message && data.message.usage) state.usage = {...data.message.usage};
      return 'message_start';
    case 'content_block_start': {
      const block = data.content_block || {};
      state.blocks.set(data.index, block.type);
      if (block.type === 'tool_use' || block.type === 'server_tool_use') {
        state.tools.push({name: block.name || '', id: block.id || '', arguments: ''});
        state.blocks.set(data.index, {tool: state.tools.length - 1});
        return `content_block_start: ${block.type} ${block.name || ''}`.trim();
      }
      if (block.type === 'text' && block.text) state.text += block.text;
      return `content_block_start: ${block.type || '?'}`;
    }
    case 'content_block_delta': {
      const delta = data.delta || {};
      if (delta.type === 'text_delta') {
        state.text += delta.text || '';
        return `text_delta ${preview(delta.text || '')}`;
      }
      if (delta.type === 'thinking_delta') {
        state.thinking += delta.thinking || '';
        return `thinking_delta ${preview(delta.thinking || '')}`;
      }
      if (delta.type === 'input_json_delta') {
        const block = state.blocks.get(data.index);
        const tool = block && typeof block === 'object' ? state.tools[block.tool] : state.tools[state.tools.length - 1];
        if (tool) tool.arguments += delta.partial_json || '';
        return `input_json_delta ${preview(delta.partial_json || '')}`;
      }
      return delta.type || 'content_block_delta';
    }
    case 'message_delta':
      if (data.delta && data.delta.stop_reason) state.stopReason = data.delta.stop_reason;
      if (data.usage) state.usage = {...(state.usage || {}), ...data.usage};
      return `message_delta${state.stopReason ? `: ${state.stopReason}` : ''}`;
    default:
      return data.type;
  }
}

function applyResponses(state, data) {
  state.format = state.format || 'openai-responses';
  switch (data.type) {
    case 'response.output_text.delta':
      state.text += data.delta || '';
      return `output_text.delta ${preview(data.delta || '')}`;
    case 'response.reasoning_summary_text.delta':
    case 'response.reasoning_text.delta':
      state.thinking += data.delta || '';
      return `${data.type.slice('response.'.length)} ${preview(data.delta || '')}`;
    case 'response.output_item.added': {
      const item = data.item || {};
      if (item.type === 'function_call') {
        state.tools.push({name: item.name || '', id: item.call_id || item.id || '', arguments: item.arguments || '',
          itemId: item.id});
      }
      return `output_item.added: ${item.type || '?'}${item.name ? ` ${item.name}` : ''}`;
    }
    case 'response.function_call_arguments.delta': {
      const tool = state.tools.find((t) => t.itemId && t.itemId === data.item_id) || state.tools[state.tools.length - 1];
      if (tool) tool.arguments += data.delta || '';
      return `function_call_arguments.delta ${preview(data.delta || '')}`;
    }
    case 'response.completed':
    case 'response.incomplete':
    case 'response.failed': {
      const response = data.response || {};
      if (response.usage) state.usage = response.usage;
      state.stopReason = response.status || data.type.slice('response.'.length);
      return data.type;
    }
    default:
      return data.type;
  }
}

function fillToolGaps(state) {
  for (let i = 0; i < state.tools.length; i++) {
    if (!state.tools[i]) state.tools[i] = {name: '', id: '', arguments: ''};
  }
}
