// "Copy as curl": the client's request as a command that sends it to this gateway again. Credentials are
// never in the history (they are redacted), so the command reads the key from $GHC_API_KEY instead.

const PASSED_HEADERS = ['anthropic-version', 'anthropic-beta', 'openai-beta', 'x-initiator', 'editor-version'];

function shellQuote(text) {
  return `'${String(text).replace(/'/g, `'\\''`)}'`;
}

/**
 * @param origin e.g. "http://127.0.0.1:8313"
 * @param record the history entry (endpoint, request_headers, original_request_body or request_body)
 */
export function curlCommand(origin, record) {
  const headers = record.request_headers || {};
  let body = record.original_request_body ?? record.request_body;
  if (body !== null && body !== undefined && typeof body !== 'string') body = JSON.stringify(body);
  const lines = [`curl ${shellQuote(origin + (record.endpoint || '/v1/chat/completions'))}`];
  if (isStream(body)) lines.push('-N');
  lines.push(`-H ${shellQuote('Content-Type: application/json')}`);
  if (headers['x-api-key'] !== undefined) {
    lines.push('-H "x-api-key: $GHC_API_KEY"');
  } else if (headers.authorization !== undefined) {
    lines.push('-H "Authorization: Bearer $GHC_API_KEY"');
  }
  for (const name of PASSED_HEADERS) {
    if (typeof headers[name] === 'string') lines.push(`-H ${shellQuote(`${name}: ${headers[name]}`)}`);
  }
  if (body) lines.push(`--data-binary ${shellQuote(body)}`);
  return lines.join(' \\\n  ');
}

function isStream(body) {
  if (typeof body !== 'string') return false;
  try {
    return JSON.parse(body).stream === true;
  } catch (e) {
    return false;
  }
}
