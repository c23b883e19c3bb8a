// The runtime-switchable settings, grouped and explained. A key the server has and this list does not
// know is still shown (under "Other"), edited by the type of its value.

export const GROUPS = [
  {title: 'Copilot upstream', fields: [
    {key: 'account_type', label: 'Account type', type: 'choice', choices: ['individual', 'business', 'enterprise'],
      hint: 'Which Copilot API endpoint the gateway calls.'},
    {key: 'vscode_version', label: 'VS Code version', type: 'text', hint: 'Sent upstream as the editor version.'},
    {key: 'copilot_version', label: 'Copilot extension version', type: 'text'},
    {key: 'api_version', label: 'Copilot API version', type: 'text'},
  ]},
  {title: 'Connections', fields: [
    {key: 'max_connection_retries', label: 'Connection retries', type: 'integer', hint: 'Retries of a failed connection to Copilot (0–10).'},
    {key: 'connection_retry_backoff', label: 'Retry backoff', type: 'seconds', hint: 'Seconds before the first retry; doubles each time.'},
    {key: 'upstream_read_timeout', label: 'Upstream read timeout', type: 'seconds', hint: 'Seconds without data before an upstream call fails.'},
    {key: 'sse_keepalive_interval', label: 'Stream keepalive', type: 'seconds', hint: 'Seconds between keepalive comments on quiet streams; 0 turns them off.'},
    {key: 'stream_pre_header_grace', label: 'Pre-header grace', type: 'seconds', hint: 'Seconds to wait for upstream headers before answering a stream.'},
  ]},
  {title: 'Request history', fields: [
    {key: 'cache_max_entries', label: 'Entries kept', type: 'integer', hint: 'Lowering it evicts the oldest entries at once.'},
    {key: 'cache_max_request_size', label: 'Largest body kept (bytes)', type: 'integer', hint: 'Bigger bodies are replaced by a marker; 0 keeps everything.'},
    {key: 'save_request_to_file', label: 'Save every request to the daily request files', type: 'boolean'},
  ]},
  {title: 'Prompt filters', fields: [
    {key: 'system_prompt_remove', label: 'Remove from system prompts', type: 'list', multiline: true,
      hint: 'Text removed from Anthropic system prompts.'},
    {key: 'system_prompt_add', label: 'Add to system prompts', type: 'list', multiline: true},
    {key: 'tool_result_suffix_remove', label: 'Remove from the end of tool results', type: 'list', multiline: true},
  ]},
  {title: 'Models', fields: [
    {key: 'max_completion_tokens_models', label: 'Models that take max_completion_tokens', type: 'list',
      hint: 'Model name prefixes whose max_tokens is renamed max_completion_tokens.'},
    {key: 'model_mappings', label: 'Model mappings', type: 'mappings'},
  ]},
];

/** Every field the groups name. */
export const KNOWN_KEYS = new Set(GROUPS.flatMap((group) => group.fields.map((field) => field.key)));

/** A field definition for a key the groups do not know, from its current value. */
export function inferField(key, value) {
  const label = key.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
  if (typeof value === 'boolean') return {key, label, type: 'boolean'};
  if (typeof value === 'number') return {key, label, type: Number.isInteger(value) ? 'integer' : 'seconds'};
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return {key, label, type: 'list'};
  if (value !== null && typeof value === 'object') return {key, label, type: 'json'};
  return {key, label, type: 'text'};
}
