package io.ghcapi.gateway.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The gateway's settings, read and validated from the merged configuration ({@code config.yaml}, then
 * environment, then command-line flags). Durations are held in milliseconds; in the file they are seconds.
 */
public record GatewayConfig(
    String address,
    int port,
    String nodeId,
    int serverInstances,
    String accountType,
    String githubApiBaseUrl,
    String copilotApiBaseUrl,
    String vscodeVersion,
    String copilotVersion,
    String apiVersion,
    String oauthClientId,
    List<ApiKey> apiKeys,
    ModelMappingConfig modelMappings,
    List<String> maxCompletionTokensModels,
    int maxConnectionRetries,
    long connectionRetryBackoffMillis,
    long upstreamConnectTimeoutMillis,
    long upstreamReadTimeoutMillis,
    int upstreamPoolSize,
    long sseKeepaliveIntervalMillis,
    long streamPreHeaderGraceMillis,
    long modelsRefreshIntervalMillis,
    long tokenRefreshMarginMillis,
    long maxRequestBodySize,
    int maxJsonDepth,
    long cacheMaxRequestSize,
    List<String> systemPromptRemove,
    List<String> systemPromptAdd,
    List<String> toolResultSuffixRemove,
    int cacheMaxEntries,
    boolean saveRequestToFile,
    boolean historyEnabled,
    String adminToken,
    List<String> allowedHosts,
    long pluginInterceptTimeoutMillis,
    JsonObject source) {

  /** Keys from the original program's config that this version reads elsewhere or no longer needs; accepted silently. */
  private static final Set<String> KNOWN_ELSEWHERE = Set.of(
      "debug", "server_threads", "enable_auth", "disable_onedrive_access", "onedrive_access", "onedrive_path",
      "session_flush_interval", "chat_completions_model_support",
      "anthropic_responses_compat_enabled", "anthropic_responses_wire_profile", "anthropic_responses_model_profiles",
      "enable_responses_early_failure_retry", "responses_pre_header_grace", "auto_remove_encrypted_content_on_parse_error",
      "enable_tool_call_recovery", "enable_web_search_proxy", "web_search_proxy_endpoint", "plugins", "plugins_dir",
      "cluster",
      // sync-verticle (docs/sync.md)
      "sync_home", "machine_name", "tools_path", "tools_version_timeout", "tools_install_timeout", "install_packages",
      "npm_command", "usage_flush_interval", "sync_backups_kept", "wsl_mount_root");

  /** The acp-verticle's keys (docs/agents.md); it validates them itself. */
  private static final String ACP_PREFIX = "acp_";

  public static GatewayConfig defaults() {
    return from(new JsonObject());
  }

  /** Reads and validates; unknown keys are reported through {@link #unknownKeys(JsonObject)}. */
  public static GatewayConfig from(JsonObject json) {
    return read(new ConfigReader(json));
  }

  /** Keys in {@code json} that no part of the product reads: likely typos, shown as warnings at start. */
  public static Set<String> unknownKeys(JsonObject json) {
    ConfigReader reader = new ConfigReader(json);
    read(reader);
    Set<String> unknown = reader.unreadKeys();
    unknown.removeAll(KNOWN_ELSEWHERE);
    unknown.removeIf(key -> key.startsWith(ACP_PREFIX));
    return unknown;
  }

  /** Whether any part of the product reads this key (a typo otherwise). */
  public static boolean isKnownKey(String key) {
    if (KNOWN_ELSEWHERE.contains(key) || key.startsWith(ACP_PREFIX)) {
      return true;
    }
    ConfigReader reader = new ConfigReader(new JsonObject());
    read(reader);
    return reader.readKeys().contains(key);
  }

  private static GatewayConfig read(ConfigReader r) {
    String accountType = r.string("account_type", "individual").toLowerCase(Locale.ROOT);
    if (!accountType.matches("[a-z0-9-]+")) {
      throw new ConfigException("account_type", "must be individual, business or enterprise, got \"" + accountType + "\"");
    }
    return new GatewayConfig(
        r.string("address", "127.0.0.1"),
        r.integer("port", 8313, 0, 65535),
        r.string("node_id", ""),
        r.integer("server_instances", 0, 0, 64),
        accountType,
        url(r, "github_api_base_url"),
        url(r, "copilot_api_base_url"),
        r.string("vscode_version", "1.93.0"),
        r.string("copilot_version", "0.26.7"),
        r.string("api_version", "2025-04-01"),
        r.string("oauth_client_id", "01ab8ac9400c4e429b23"),
        apiKeys(r),
        ModelMappingConfig.read(r, "model_mappings"),
        r.stringList("max_completion_tokens_models", List.of("gpt-5", "o1", "o3", "o4")),
        r.integer("max_connection_retries", 3, 0, 10),
        r.secondsAsMillis("connection_retry_backoff", 1.0, 0, 60),
        r.secondsAsMillis("upstream_connect_timeout", 10, 0.1, 300),
        r.secondsAsMillis("upstream_read_timeout", 600, 1, 86_400),
        r.integer("upstream_pool_size", 128, 1, 4096),
        r.secondsAsMillis("sse_keepalive_interval", 30, 0, 3600),
        r.secondsAsMillis("stream_pre_header_grace", 0.5, 0, 60),
        r.secondsAsMillis("models_refresh_interval", 600, 1, 86_400),
        r.secondsAsMillis("token_refresh_margin", 60, 0, 600),
        r.longValue("max_request_body_size", 32L << 20, 1024, 1L << 31),
        r.integer("max_json_depth", 100, 8, 1000),
        r.longValue("cache_max_request_size", 1L << 20, 0, 1L << 30),
        r.stringList("system_prompt_remove", List.of()),
        r.stringList("system_prompt_add", List.of()),
        r.stringList("tool_result_suffix_remove", List.of()),
        r.integer("cache_max_entries", 1000, 1, 1_000_000),
        r.bool("save_request_to_file", false),
        r.bool("history_enabled", true),
        adminToken(r),
        r.stringList("allowed_hosts", List.of()),
        r.secondsAsMillis("plugin_intercept_timeout", 0.05, 0.001, 10),
        r.source());
  }

  private static String adminToken(ConfigReader r) {
    String token = r.string("admin_token", "");
    if (!token.isEmpty() && token.length() < 16) {
      throw new ConfigException("admin_token", "must be at least 16 characters");
    }
    return token;
  }

  private static String url(ConfigReader r, String key) {
    String value = r.string(key, "");
    if (value.isEmpty()) {
      return "";
    }
    if (!value.startsWith("http://") && !value.startsWith("https://")) {
      throw new ConfigException(key, "must be an http:// or https:// URL, got \"" + value + "\"");
    }
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }

  private static List<ApiKey> apiKeys(ConfigReader r) {
    Object value = r.value("api_keys");
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw new ConfigException("api_keys", "must be a list of keys (strings, or {name, key} mappings), got "
          + ConfigReader.describe(value));
    }
    List<ApiKey> keys = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      Object item = array.getValue(i);
      String where = "api_keys[" + i + "]";
      if (item instanceof String key) {
        keys.add(new ApiKey("key-" + (i + 1), checkedKey(where, key)));
      } else if (item instanceof JsonObject entry) {
        Object name = entry.getValue("name");
        if (!(name instanceof String n) || n.isBlank()) {
          throw new ConfigException(where + ".name", "must be a non-empty string");
        }
        Object key = entry.getValue("key");
        if (!(key instanceof String k)) {
          throw new ConfigException(where + ".key", "must be a string");
        }
        keys.add(new ApiKey(n.trim(), checkedKey(where + ".key", k)));
      } else {
        throw new ConfigException(where, "must be a string or a {name, key} mapping, got " + ConfigReader.describe(item));
      }
    }
    return Collections.unmodifiableList(keys);
  }

  private static String checkedKey(String where, String key) {
    String trimmed = key.trim();
    if (trimmed.length() < 8) {
      throw new ConfigException(where, "an API key must be at least 8 characters");
    }
    return trimmed;
  }

  /** Settings are equal when they have the same effect, whatever text they were read from. */
  @Override
  public boolean equals(Object other) {
    return other instanceof GatewayConfig that && withoutSource().equals(that.withoutSource());
  }

  @Override
  public int hashCode() {
    return withoutSource().hashCode();
  }

  /** Never prints the admin token or the source text (which holds the keys). */
  @Override
  public String toString() {
    return "GatewayConfig" + withoutSource().put("admin_token", adminToken.isEmpty() ? "" : "[REDACTED]").encode();
  }

  private JsonObject withoutSource() {
    return new JsonObject().put("address", address).put("port", port).put("node_id", nodeId)
        .put("server_instances", serverInstances).put("account_type", accountType)
        .put("github_api_base_url", githubApiBaseUrl).put("copilot_api_base_url", copilotApiBaseUrl)
        .put("vscode_version", vscodeVersion).put("copilot_version", copilotVersion).put("api_version", apiVersion)
        .put("oauth_client_id", oauthClientId).put("api_keys", apiKeys.stream().map(ApiKey::name).toList())
        .put("api_key_hashes", apiKeys.stream().map(key -> key.key().hashCode()).toList())
        .put("model_mappings", modelMappings.toJson()).put("max_completion_tokens_models", maxCompletionTokensModels)
        .put("max_connection_retries", maxConnectionRetries).put("connection_retry_backoff", connectionRetryBackoffMillis)
        .put("upstream_connect_timeout", upstreamConnectTimeoutMillis).put("upstream_read_timeout", upstreamReadTimeoutMillis)
        .put("upstream_pool_size", upstreamPoolSize).put("sse_keepalive_interval", sseKeepaliveIntervalMillis)
        .put("stream_pre_header_grace", streamPreHeaderGraceMillis).put("models_refresh_interval", modelsRefreshIntervalMillis)
        .put("token_refresh_margin", tokenRefreshMarginMillis).put("max_request_body_size", maxRequestBodySize)
        .put("max_json_depth", maxJsonDepth).put("cache_max_request_size", cacheMaxRequestSize)
        .put("system_prompt_remove", systemPromptRemove).put("system_prompt_add", systemPromptAdd)
        .put("tool_result_suffix_remove", toolResultSuffixRemove).put("cache_max_entries", cacheMaxEntries)
        .put("save_request_to_file", saveRequestToFile).put("history_enabled", historyEnabled)
        .put("admin_token_hash", adminToken.hashCode())
        .put("allowed_hosts", allowedHosts);
  }

  /** True when the server listens only on the loopback interface. */
  public boolean loopbackOnly() {
    String a = address.toLowerCase(Locale.ROOT);
    return a.equals("localhost") || a.startsWith("127.") || a.equals("::1") || a.equals("[::1]");
  }

  public boolean keepaliveEnabled() {
    return sseKeepaliveIntervalMillis > 0;
  }
}
