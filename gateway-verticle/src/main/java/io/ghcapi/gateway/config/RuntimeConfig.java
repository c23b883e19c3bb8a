package io.ghcapi.gateway.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The gateway's settings as they are now: set at start from the configuration, and changeable at runtime for
 * the keys below (from {@code /api/runtime-config}, or from another node through {@code ghc.config.changed}).
 * A change is validated whole before anything is applied: a request either changes every key it names or
 * none. Nothing is written to {@code config.yaml}.
 */
public final class RuntimeConfig {

  /** Keys that may change while running; everything else is fixed at start (ports, keys, URLs...). */
  public static final Set<String> RUNTIME_KEYS = Set.of("account_type", "vscode_version", "api_version",
      "copilot_version", "system_prompt_remove", "system_prompt_add", "tool_result_suffix_remove",
      "max_connection_retries", "connection_retry_backoff", "upstream_read_timeout", "sse_keepalive_interval",
      "stream_pre_header_grace", "model_mappings", "max_completion_tokens_models", "save_request_to_file",
      "cache_max_entries", "cache_max_request_size");

  private final AtomicReference<State> state;
  private final List<Consumer<GatewayConfig>> listeners = new CopyOnWriteArrayList<>();

  private record State(JsonObject json, GatewayConfig config) {
  }

  public RuntimeConfig(GatewayConfig initial) {
    this.state = new AtomicReference<>(new State(initial.source(), initial));
  }

  public GatewayConfig current() {
    return state.get().config();
  }

  /**
   * Validates and applies {@code changes}; throws {@link ConfigException} (nothing applied) for an unknown
   * key, a key fixed at start, or an invalid value.
   */
  public synchronized GatewayConfig update(JsonObject changes) {
    for (String key : changes.fieldNames()) {
      if (!RUNTIME_KEYS.contains(key)) {
        throw new ConfigException(key, GatewayConfig.isKnownKey(key)
            ? "cannot be changed while running; edit config.yaml and restart" : "unknown configuration key");
      }
    }
    JsonObject merged = state.get().json().copy().mergeIn(changes);
    GatewayConfig updated = GatewayConfig.from(merged);
    state.set(new State(merged, updated));
    listeners.forEach(listener -> listener.accept(updated));
    return updated;
  }

  /** The runtime-switchable settings as they are now, in the config file's key names. */
  public JsonObject runtimeView() {
    GatewayConfig c = current();
    return new JsonObject()
        .put("account_type", c.accountType())
        .put("vscode_version", c.vscodeVersion())
        .put("api_version", c.apiVersion())
        .put("copilot_version", c.copilotVersion())
        .put("system_prompt_remove", new JsonArray(c.systemPromptRemove()))
        .put("system_prompt_add", new JsonArray(c.systemPromptAdd()))
        .put("tool_result_suffix_remove", new JsonArray(c.toolResultSuffixRemove()))
        .put("max_connection_retries", c.maxConnectionRetries())
        .put("connection_retry_backoff", c.connectionRetryBackoffMillis() / 1000.0)
        .put("upstream_read_timeout", c.upstreamReadTimeoutMillis() / 1000.0)
        .put("sse_keepalive_interval", c.sseKeepaliveIntervalMillis() / 1000.0)
        .put("stream_pre_header_grace", c.streamPreHeaderGraceMillis() / 1000.0)
        .put("model_mappings", c.modelMappings().toJson())
        .put("max_completion_tokens_models", new JsonArray(c.maxCompletionTokensModels()))
        .put("save_request_to_file", c.saveRequestToFile())
        .put("cache_max_entries", c.cacheMaxEntries())
        .put("cache_max_request_size", c.cacheMaxRequestSize());
  }

  /** Called after every change, on the thread that made it. */
  public void onChange(Consumer<GatewayConfig> listener) {
    listeners.add(listener);
  }
}
