package io.ghcapi.bus;

/**
 * Every event-bus address the product uses. Payloads are {@code JsonObject}s, so they work in one JVM
 * and across a cluster without custom codecs. See {@code docs/event-bus-api.md}.
 */
public final class Addresses {

  /** Publish, gateway → anyone: an exchange with a client began; payload is a {@link RequestRecord}. */
  public static final String REQUEST_STARTED = "ghc.request.started";

  /**
   * Publish, gateway → anyone: an exchange ended (success, upstream error, client gone); payload is the
   * complete {@link RequestRecord}. Exactly one per exchange that published {@link #REQUEST_STARTED}.
   */
  public static final String REQUEST_COMPLETED = "ghc.request.completed";

  /**
   * Request/reply, admin API → cache: a page of history summaries, newest first. Body
   * {@code {page, per_page, search, user, model, endpoint, status, node, since, until}} (all optional);
   * reply {@code {items, total, page, per_page, total_pages, user_filter}}.
   */
  public static final String HISTORY_LIST = "ghc.history.list";

  /**
   * Request/reply: full-text search over request and response bodies. Body {@code {q, page, per_page, user}}
   * plus the filters of {@link #HISTORY_LIST};
   * reply as {@link #HISTORY_LIST}.
   */
  public static final String HISTORY_SEARCH = "ghc.history.search";

  /**
   * Request/reply: one entry. Body {@code {id, part}} with part {@code full} (default),
   * {@code request_body} or {@code response_body}; reply the entry (export line shape) or the part;
   * fails with {@link BusErrorCode#NOT_FOUND}.
   */
  public static final String HISTORY_GET = "ghc.history.get";

  /**
   * Request/reply: the history as JSON Lines, oldest first, in pages. Body {@code {cursor, max_bytes}}
   * (cursor 0 = the start); reply {@code {lines, count, next_cursor}} ({@code next_cursor} null at the end).
   */
  public static final String HISTORY_EXPORT = "ghc.history.export";

  /**
   * Request/reply: import JSON Lines. Body {@code {lines: [..], first_line_number}}; reply
   * {@code {imported, errors: [{line, message}]}}. Imported entries keep their id; an id already known
   * replaces its entry and is never counted twice in statistics.
   */
  public static final String HISTORY_IMPORT = "ghc.history.import";

  /** Request/reply: forget every entry. Reply {@code {cleared}}. Statistics are kept. */
  public static final String HISTORY_CLEAR = "ghc.history.clear";

  /**
   * Request/reply, cache → cache on other nodes: entries newer than a time, for a node catching up after
   * it joined. Body {@code {after_timestamp, cursor, max_bytes}}; reply as {@link #HISTORY_EXPORT}.
   */
  public static final String HISTORY_SYNC = "ghc.history.sync";

  /**
   * Publish, cache → UI feed, plugins: an entry was added or changed. Payload
   * {@code {version, kind: started|completed|imported|cleared, summary}}.
   */
  public static final String HISTORY_CHANGED = "ghc.history.changed";

  /**
   * Request/reply: statistics. Body {@code {user}} (optional); reply {@code {user_id, total_requests,
   * cached_requests, bytes_sent, bytes_received, tokens, model_stats, endpoint_stats, user_stats, node_stats}}.
   */
  public static final String STATS_GET = "ghc.stats.get";

  /**
   * Request/reply: token usage per machine (node), model and user in hourly buckets. Body
   * {@code {range: hour|day|week|month|all, user}}; reply {@code {range, machines, users, user_filter, rows,
   * user_rows, totals, timeseries}}.
   */
  public static final String USAGE_GET = "ghc.usage.get";

  /** Request/reply, admin API → app: the runtime-switchable settings (secrets redacted). */
  public static final String CONFIG_GET = "ghc.config.get";

  /**
   * Publish, app → every verticle on every node: runtime settings changed. Payload
   * {@code {version, changes: {key: value}}}; apply what concerns you.
   */
  public static final String CONFIG_CHANGED = "ghc.config.changed";

  /**
   * Request/reply, anyone → translator: Anthropic Messages request → Chat Completions request. Body
   * {@code {"request": {...}, "model": "<Copilot model>", "claude_family": bool, "reasoning_efforts": [...]}};
   * reply {@code {"request": {...}, "warnings": [...]}}.
   */
  public static final String TRANSLATE_ANTHROPIC_TO_CHAT = "ghc.translate.anthropic-to-chat";

  /** Request/reply: Chat completion → Anthropic message. Body {@code {"response": {...}, "model": "<requested>"}}. */
  public static final String TRANSLATE_CHAT_TO_ANTHROPIC = "ghc.translate.chat-to-anthropic";

  /** Request/reply: Responses request → Chat request. Body {@code {"request": {...}, "model": "<Copilot model>"}}. */
  public static final String TRANSLATE_RESPONSES_TO_CHAT = "ghc.translate.responses-to-chat";

  /** Request/reply: Chat request → Responses request. Body {@code {"request": {...}, "model": "<Copilot model>"}}. */
  public static final String TRANSLATE_CHAT_TO_RESPONSES = "ghc.translate.chat-to-responses";

  /** Request/reply: input tokens of an Anthropic request. Body {@code {"request": {...}}}; reply {@code {"input_tokens": n}}. */
  public static final String TRANSLATE_COUNT_TOKENS = "ghc.translate.count-tokens";

  /**
   * Request/reply, gateway → acp-verticle: an {@link AdminCall} for a route under {@code /api/agent/}.
   * Local to each node (the agent processes run where the call arrives).
   */
  public static final String ACP_API = "ghc.acp.api";

  /**
   * Publish, acp-verticle → anyone on the node: the updates of one agent session; the address is this prefix
   * followed by the session id and {@code .events}.
   */
  public static final String ACP_SESSION_EVENTS_PREFIX = "ghc.acp.session.";

  /**
   * Request/reply, gateway → sync-verticle: an {@link AdminCall} for {@code /api/config-manager/sync/},
   * {@code /api/config-manager/software-versions}, {@code /api/config-manager/install-tools} and
   * {@code /api/config-manager/machine-usage}. Local to each node (it works on this machine's files).
   */
  public static final String SYNC_API = "ghc.sync.api";

  /**
   * Request/reply, plugin → gateway on the same node: register a request interceptor. Body an
   * {@link io.ghcapi.bus.plugin.InterceptorRegistration}; reply {@code {registered: name}}. Registering a name
   * again replaces it.
   */
  public static final String PLUGIN_REGISTER = "ghc.plugin.register";

  /** Request/reply, plugin → gateway on the same node: {@code {name}}; reply {@code {unregistered: bool}}. */
  public static final String PLUGIN_UNREGISTER = "ghc.plugin.unregister";

  /**
   * Request/reply, gateway → interceptor: the prefix of each interceptor's own address (the prefix followed by
   * its name). Body an {@link io.ghcapi.bus.plugin.InterceptedRequest}; reply an
   * {@link io.ghcapi.bus.plugin.InterceptDecision} within the deadline ({@code plugin_intercept_timeout}).
   */
  public static final String PLUGIN_REQUEST_INTERCEPT_PREFIX = "ghc.plugin.request.intercept.";

  private Addresses() {
  }
}
