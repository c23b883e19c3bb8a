// Talking to the gateway's admin API: JSON calls with readable errors, and the live event feed.
//
// Both report whether the server answers by dispatching `ghc:server` on window
// ({detail: {reachable, message}}), and an admin-token refusal as `ghc:auth-required`; layout.js turns
// those into the banner, so every page degrades the same way when the server goes away.

/** An API failure: `message` is the server's own message when it sent one. */
export class ApiError extends Error {
  constructor(message, {status = 0, code = null, param = null} = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.param = param;
  }

  /** True when no answer came at all (server down, network gone). */
  get unreachable() {
    return this.status === 0;
  }
}

let lastReachable = true;

function reportReachable(reachable, message) {
  if (reachable === lastReachable) return;
  lastReachable = reachable;
  window.dispatchEvent(new CustomEvent('ghc:server', {detail: {reachable, message}}));
}

/** Whether the last call reached the server. */
export function serverReachable() {
  return lastReachable;
}

/**
 * Fetches `path` and returns its JSON (or text for non-JSON answers, null for 204).
 * options: fetch options, plus `json` (a value sent as a JSON body) and `raw` (return the Response).
 * Throws ApiError with the server's `{"error":{"message"}}` (or `{"error":"..."}`) message.
 */
export async function api(path, options = {}) {
  const {json, raw, ...init} = options;
  init.headers = {Accept: 'application/json', ...(init.headers || {})};
  init.credentials = 'same-origin';
  if (json !== undefined) {
    init.body = JSON.stringify(json);
    init.headers['Content-Type'] = 'application/json';
    init.method = init.method || 'POST';
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    const message = 'The ghc-api server does not answer (stopped, or the network is down).';
    reportReachable(false, message);
    throw new ApiError(message, {status: 0, code: 'unreachable'});
  }
  reportReachable(true);
  if (!response.ok) {
    throw await errorOf(response);
  }
  if (raw) return response;
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

/** Builds an ApiError from a failed response, reading the server's message when there is one. */
export async function errorOf(response) {
  let message = `${response.status} ${response.statusText || 'error'}`;
  let code = null;
  let param = null;
  try {
    const text = await response.text();
    try {
      const body = JSON.parse(text);
      const error = body && body.error;
      if (error && typeof error === 'object') {
        message = error.message || message;
        code = error.code || error.type || null;
        param = error.param || null;
      } else if (typeof error === 'string') {
        message = body.message ? `${error}: ${body.message}` : error;
        code = error;
      } else if (body && body.message) {
        message = body.message;
      }
    } catch (notJson) {
      if (text && text.length < 300) message = text;
    }
  } catch (ignored) {
    // keep the status line
  }
  if (response.status === 401 && code === 'admin_token_required') {
    window.dispatchEvent(new CustomEvent('ghc:auth-required', {detail: {message}}));
  }
  return new ApiError(message, {status: response.status, code, param});
}

/** Asks whether the server answers at all (a static file: no admin token needed) and reports it. */
export async function probeServer() {
  try {
    const response = await fetch('/favicon.svg', {cache: 'no-store', credentials: 'same-origin'});
    reportReachable(true);
    return response.ok;
  } catch (e) {
    reportReachable(false, 'The ghc-api server does not answer (stopped, or the network is down).');
    return false;
  }
}

/** Query string from an object, leaving out empty values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Subscribes to a server-sent-event feed and keeps it up: on any failure it reconnects with a growing
 * delay (0.5 s up to 15 s), immediately when the browser comes back online.
 *
 *   const feed = sse('/api/events', {
 *     events: {history: data => ..., config: data => ...},   // data is parsed JSON (or the raw text)
 *     onState: state => ...,        // 'connecting' | 'open' | 'reconnecting' | 'closed'
 *     onOpen: ({reconnected}) => ...,  // after a reconnect, refetch: events were missed meanwhile
 *   });
 *   feed.close();
 */
export function sse(path, handlers = {}) {
  const events = handlers.events || {};
  let source = null;
  let delay = 500;
  let timer = null;
  let closed = false;
  let opened = false;
  let state = '';

  function setState(next) {
    if (next === state) return;
    state = next;
    if (handlers.onState) handlers.onState(next);
  }

  function connect() {
    timer = null;
    if (closed) return;
    setState(opened ? 'reconnecting' : 'connecting');
    if (source) source.close();
    const current = new EventSource(path, {withCredentials: true});
    source = current;
    current.onopen = () => {
      delay = 500;
      reportReachable(true);
      const reconnected = opened;
      opened = true;
      setState('open');
      if (handlers.onOpen) handlers.onOpen({reconnected});
    };
    current.onerror = () => {
      current.close();
      if (closed || source !== current) return;
      setState('reconnecting');
      probeServer();
      schedule();
    };
    for (const [name, handler] of Object.entries(events)) {
      current.addEventListener(name, (event) => {
        let data = event.data;
        try {
          data = JSON.parse(event.data);
        } catch (notJson) {
          // hand over the text as it came
        }
        handler(data);
      });
    }
  }

  function schedule() {
    if (timer || closed) return;
    timer = setTimeout(connect, delay);
    delay = Math.min(delay * 2, 15000);
  }

  function reconnectNow() {
    if (closed || state === 'open') return;
    if (timer) clearTimeout(timer);
    timer = null;
    delay = 500;
    connect();
  }

  // A page kept in the back/forward cache would hold its connection open: with the browser's limit of six
  // connections per server, a few such pages stall every request. Close on leaving, reopen on coming back.
  const onPageHide = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (source) source.close();
    source = null;
  };
  const onPageShow = (event) => {
    if (event.persisted && !closed) {
      delay = 500;
      connect();
    }
  };
  window.addEventListener('online', reconnectNow);
  window.addEventListener('pagehide', onPageHide);
  window.addEventListener('pageshow', onPageShow);
  connect();

  return {
    get state() {
      return state;
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      if (source) source.close();
      window.removeEventListener('online', reconnectNow);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('pageshow', onPageShow);
      setState('closed');
    },
  };
}
