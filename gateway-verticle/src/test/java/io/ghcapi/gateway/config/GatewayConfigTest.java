package io.ghcapi.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {

  private static ConfigException rejected(JsonObject json) {
    return assertThrows(ConfigException.class, () -> GatewayConfig.from(json));
  }

  // ---- defaults ----

  @Test
  void defaultsMatchTheDocumentedValues() {
    GatewayConfig c = GatewayConfig.defaults();
    assertEquals("127.0.0.1", c.address());
    assertEquals(8313, c.port());
    assertEquals("", c.nodeId());
    assertEquals(0, c.serverInstances());
    assertEquals("individual", c.accountType());
    assertEquals("", c.githubApiBaseUrl());
    assertEquals("", c.copilotApiBaseUrl());
    assertEquals("1.93.0", c.vscodeVersion());
    assertEquals("0.26.7", c.copilotVersion());
    assertEquals("2025-04-01", c.apiVersion());
    assertEquals(List.of(), c.apiKeys());
    assertEquals(ModelMappingConfig.defaults(), c.modelMappings());
    assertEquals(List.of("gpt-5", "o1", "o3", "o4"), c.maxCompletionTokensModels());
    assertEquals(3, c.maxConnectionRetries());
    assertEquals(1000, c.connectionRetryBackoffMillis());
    assertEquals(10_000, c.upstreamConnectTimeoutMillis());
    assertEquals(600_000, c.upstreamReadTimeoutMillis());
    assertEquals(128, c.upstreamPoolSize());
    assertEquals(30_000, c.sseKeepaliveIntervalMillis());
    assertTrue(c.keepaliveEnabled());
    assertEquals(500, c.streamPreHeaderGraceMillis());
    assertEquals(600_000, c.modelsRefreshIntervalMillis());
    assertEquals(60_000, c.tokenRefreshMarginMillis());
    assertEquals(32L << 20, c.maxRequestBodySize());
    assertEquals(100, c.maxJsonDepth());
    assertEquals(1L << 20, c.cacheMaxRequestSize());
    assertTrue(c.loopbackOnly());
  }

  @Test
  void durationsInSecondsBecomeMillisIncludingFractions() {
    GatewayConfig c = GatewayConfig.from(new JsonObject()
        .put("sse_keepalive_interval", 0)
        .put("connection_retry_backoff", 0.25)
        .put("stream_pre_header_grace", 2));
    assertEquals(0, c.sseKeepaliveIntervalMillis());
    assertFalse(c.keepaliveEnabled());
    assertEquals(250, c.connectionRetryBackoffMillis());
    assertEquals(2000, c.streamPreHeaderGraceMillis());
  }

  @Test
  void explicitValuesAreReadAndStringsTrimmed() {
    GatewayConfig c = GatewayConfig.from(new JsonObject()
        .put("port", 9000).put("address", "  0.0.0.0 ").put("account_type", "Business")
        .put("max_json_depth", 50));
    assertEquals(9000, c.port());
    assertEquals("0.0.0.0", c.address());
    assertEquals("business", c.accountType());
    assertEquals(50, c.maxJsonDepth());
  }

  // ---- validation names the key ----

  @Test
  void portAsTextIsRejectedNamingPort() {
    ConfigException e = rejected(new JsonObject().put("port", "abc"));
    assertEquals("port", e.key());
    assertTrue(e.getMessage().contains("'port'"), e.getMessage());
    assertTrue(e.getMessage().contains("whole number"), e.getMessage());
    assertTrue(e.getMessage().contains("\"abc\""), e.getMessage());
  }

  @Test
  void portOutOfRangeIsRejectedWithTheRange() {
    ConfigException e = rejected(new JsonObject().put("port", 70000));
    assertEquals("port", e.key());
    assertTrue(e.getMessage().contains("between 0 and 65535"), e.getMessage());
    assertTrue(e.getMessage().contains("70000"), e.getMessage());
    assertEquals("port", rejected(new JsonObject().put("port", -1)).key());
  }

  @Test
  void fractionalPortIsRejected() {
    assertEquals("port", rejected(new JsonObject().put("port", 80.5)).key());
  }

  @Test
  void portZeroIsAllowedForAnEphemeralPort() {
    assertEquals(0, GatewayConfig.from(new JsonObject().put("port", 0)).port());
  }

  @Test
  void durationAsTextIsRejectedNamingTheKey() {
    ConfigException e = rejected(new JsonObject().put("sse_keepalive_interval", "30s"));
    assertEquals("sse_keepalive_interval", e.key());
    assertTrue(e.getMessage().contains("seconds"), e.getMessage());
  }

  @Test
  void durationOutOfRangeIsRejected() {
    ConfigException e = rejected(new JsonObject().put("upstream_connect_timeout", 0));
    assertEquals("upstream_connect_timeout", e.key());
    assertTrue(e.getMessage().contains("between"), e.getMessage());
  }

  @Test
  void longValuesAreRangeChecked() {
    assertEquals("max_request_body_size", rejected(new JsonObject().put("max_request_body_size", 10)).key());
    assertEquals("max_request_body_size", rejected(new JsonObject().put("max_request_body_size", "big")).key());
  }

  @Test
  void stringKeyGivenAMappingIsRejected() {
    ConfigException e = rejected(new JsonObject().put("address", new JsonObject().put("a", 1)));
    assertEquals("address", e.key());
    assertTrue(e.getMessage().contains("a mapping"), e.getMessage());
  }

  @Test
  void accountTypeWithSpacesIsRejected() {
    assertEquals("account_type", rejected(new JsonObject().put("account_type", "my plan")).key());
  }

  @Test
  void stringListItemsAreChecked() {
    ConfigException e = rejected(new JsonObject().put("max_completion_tokens_models", new JsonArray().add("gpt-5").add(3)));
    assertEquals("max_completion_tokens_models[1]", e.key());
    assertEquals("max_completion_tokens_models",
        rejected(new JsonObject().put("max_completion_tokens_models", "gpt-5")).key());
  }

  // ---- booleans (ConfigReader.bool) ----

  @Test
  void boolAcceptsOnlyRealBooleans() {
    ConfigReader reader = new ConfigReader(new JsonObject().put("t", true).put("f", false)
        .put("quoted", "false").put("number", 0));
    assertTrue(reader.bool("t", false));
    assertFalse(reader.bool("f", true));
    assertTrue(reader.bool("missing", true));
    assertFalse(reader.bool("missing", false));
    ConfigException quoted = assertThrows(ConfigException.class, () -> reader.bool("quoted", true));
    assertEquals("quoted", quoted.key());
    assertTrue(quoted.getMessage().contains("true or false"), quoted.getMessage());
    assertTrue(quoted.getMessage().contains("\"false\""), quoted.getMessage());
    assertEquals("number", assertThrows(ConfigException.class, () -> reader.bool("number", true)).key());
  }

  @Test
  void readerReportsUnreadKeysSorted() {
    ConfigReader reader = new ConfigReader(new JsonObject().put("b", 1).put("a", 2).put("c", 3));
    reader.integer("c", 0, 0, 10);
    assertEquals(List.of("a", "b"), List.copyOf(reader.unreadKeys()));
  }

  // ---- api_keys ----

  @Test
  void apiKeysAsPlainStringsGetGeneratedNames() {
    GatewayConfig c = GatewayConfig.from(new JsonObject().put("api_keys",
        new JsonArray().add("  abcdefgh12 ").add("zyxwvuts98")));
    assertEquals(List.of(new ApiKey("key-1", "abcdefgh12"), new ApiKey("key-2", "zyxwvuts98")), c.apiKeys());
  }

  @Test
  void apiKeysAsNameKeyMappings() {
    GatewayConfig c = GatewayConfig.from(new JsonObject().put("api_keys", new JsonArray()
        .add(new JsonObject().put("name", "alice").put("key", "alice-secret-1"))
        .add("plainkey-0002")));
    assertEquals(List.of(new ApiKey("alice", "alice-secret-1"), new ApiKey("key-2", "plainkey-0002")), c.apiKeys());
  }

  @Test
  void apiKeyToStringDoesNotLeakTheKey() {
    assertFalse(new ApiKey("alice", "alice-secret-1").toString().contains("alice-secret-1"));
  }

  @Test
  void tooShortApiKeyIsRejected() {
    ConfigException e = rejected(new JsonObject().put("api_keys", new JsonArray().add("longenough").add("short")));
    assertEquals("api_keys[1]", e.key());
    assertTrue(e.getMessage().contains("at least 8"), e.getMessage());
    ConfigException padded = rejected(new JsonObject().put("api_keys", new JsonArray().add("  abc    ")));
    assertEquals("api_keys[0]", padded.key());
    ConfigException mapped = rejected(new JsonObject().put("api_keys",
        new JsonArray().add(new JsonObject().put("name", "bob").put("key", "1234567"))));
    assertEquals("api_keys[0].key", mapped.key());
  }

  @Test
  void wronglyShapedApiKeysAreRejected() {
    assertEquals("api_keys", rejected(new JsonObject().put("api_keys", "abcdefghijk")).key());
    assertEquals("api_keys", rejected(new JsonObject().put("api_keys", new JsonObject())).key());
    assertEquals("api_keys[0]", rejected(new JsonObject().put("api_keys", new JsonArray().add(12345678))).key());
    assertEquals("api_keys[0]", rejected(new JsonObject().put("api_keys", new JsonArray().add(new JsonArray()))).key());
    assertEquals("api_keys[0].name", rejected(new JsonObject().put("api_keys",
        new JsonArray().add(new JsonObject().put("key", "abcdefghijk")))).key());
    assertEquals("api_keys[0].name", rejected(new JsonObject().put("api_keys",
        new JsonArray().add(new JsonObject().put("name", " ").put("key", "abcdefghijk")))).key());
    assertEquals("api_keys[0].key", rejected(new JsonObject().put("api_keys",
        new JsonArray().add(new JsonObject().put("name", "carol")))).key());
    assertEquals("api_keys[0].key", rejected(new JsonObject().put("api_keys",
        new JsonArray().add(new JsonObject().put("name", "carol").put("key", 123456789)))).key());
  }

  // ---- model_mappings ----

  @Test
  void modelMappingsReplaceTheDefaultsEntirely() {
    GatewayConfig c = GatewayConfig.from(new JsonObject().put("model_mappings", new JsonObject()
        .put("exact", new JsonObject().put("fast", "gpt-4o-mini"))));
    assertEquals(Map.of("fast", "gpt-4o-mini"), c.modelMappings().exact());
    assertEquals(Map.of(), c.modelMappings().prefix());
    assertFalse(c.modelMappings().exact().containsKey("opus"));
  }

  @Test
  void modelMappingsKeepFileOrder() {
    JsonObject prefix = new JsonObject().put("z-", "zed").put("a-", "ay").put("m-", "em");
    GatewayConfig c = GatewayConfig.from(new JsonObject().put("model_mappings", new JsonObject().put("prefix", prefix)));
    assertEquals(List.of("z-", "a-", "m-"), List.copyOf(c.modelMappings().prefix().keySet()));
  }

  @Test
  void modelMappingsUnknownSectionIsRejected() {
    ConfigException e = rejected(new JsonObject().put("model_mappings", new JsonObject()
        .put("exakt", new JsonObject().put("a", "b"))));
    assertEquals("model_mappings.exakt", e.key());
    assertTrue(e.getMessage().contains("unknown section"), e.getMessage());
  }

  @Test
  void modelMappingsWrongShapesAreRejected() {
    assertEquals("model_mappings", rejected(new JsonObject().put("model_mappings", "opus")).key());
    assertEquals("model_mappings.exact", rejected(new JsonObject().put("model_mappings",
        new JsonObject().put("exact", new JsonArray().add("x")))).key());
    assertEquals("model_mappings.prefix.gpt-", rejected(new JsonObject().put("model_mappings",
        new JsonObject().put("prefix", new JsonObject().put("gpt-", 4)))).key());
    assertEquals("model_mappings.exact.opus", rejected(new JsonObject().put("model_mappings",
        new JsonObject().put("exact", new JsonObject().put("opus", "  ")))).key());
  }

  @Test
  void defaultMappingsContainTheShortNames() {
    ModelMappingConfig d = ModelMappingConfig.defaults();
    assertEquals("claude-opus-4.8", d.exact().get("opus"));
    assertEquals("claude-sonnet-5", d.exact().get("sonnet"));
    assertEquals("claude-haiku-4.5", d.exact().get("haiku"));
    assertEquals("claude-sonnet-4", d.prefix().get("claude-sonnet-4-"));
    assertEquals(8, d.exact().size());
    assertEquals(12, d.prefix().size());
  }

  // ---- URLs ----

  @Test
  void urlsMustBeHttpAndLoseATrailingSlash() {
    GatewayConfig c = GatewayConfig.from(new JsonObject()
        .put("copilot_api_base_url", "http://127.0.0.1:9999/")
        .put("github_api_base_url", "https://api.example.com"));
    assertEquals("http://127.0.0.1:9999", c.copilotApiBaseUrl());
    assertEquals("https://api.example.com", c.githubApiBaseUrl());
    assertEquals("", GatewayConfig.from(new JsonObject().put("copilot_api_base_url", "")).copilotApiBaseUrl());
  }

  @Test
  void nonHttpUrlsAreRejected() {
    ConfigException e = rejected(new JsonObject().put("copilot_api_base_url", "ftp://example.com"));
    assertEquals("copilot_api_base_url", e.key());
    assertTrue(e.getMessage().contains("http:// or https://"), e.getMessage());
    assertEquals("github_api_base_url", rejected(new JsonObject().put("github_api_base_url", "api.github.com")).key());
  }

  // ---- unknown keys ----

  @Test
  void unknownKeysReportsTyposOnly() {
    JsonObject json = new JsonObject().put("port", 9000).put("prot", 9001).put("adress", "x")
        .put("debug", true).put("enable_auth", false).put("cache_max_entries", 10).put("admin_token", "an-admin-token-of-length");
    assertEquals(Set.of("adress", "prot"), GatewayConfig.unknownKeys(json));
  }

  @Test
  void unknownKeysIsEmptyForKnownKeys() {
    assertEquals(Set.of(), GatewayConfig.unknownKeys(new JsonObject()));
    JsonObject all = new JsonObject().put("address", "127.0.0.1").put("port", 1).put("node_id", "n")
        .put("server_instances", 1).put("account_type", "individual").put("github_api_base_url", "")
        .put("copilot_api_base_url", "").put("vscode_version", "1").put("copilot_version", "1")
        .put("api_version", "1").put("oauth_client_id", "x").put("api_keys", new JsonArray())
        .put("model_mappings", new JsonObject()).put("max_completion_tokens_models", new JsonArray())
        .put("max_connection_retries", 1).put("connection_retry_backoff", 1).put("upstream_connect_timeout", 1)
        .put("upstream_read_timeout", 1).put("upstream_pool_size", 1).put("sse_keepalive_interval", 1)
        .put("stream_pre_header_grace", 1).put("models_refresh_interval", 1).put("token_refresh_margin", 1)
        .put("max_request_body_size", 2048).put("max_json_depth", 10).put("cache_max_request_size", 0);
    assertEquals(Set.of(), GatewayConfig.unknownKeys(all));
  }

  @Test
  void unknownKeysStillValidates() {
    assertThrows(ConfigException.class, () -> GatewayConfig.unknownKeys(new JsonObject().put("port", "x")));
  }

  // ---- loopback ----

  @Test
  void loopbackOnlyRecognisesLoopbackAddresses() {
    assertTrue(withAddress("127.0.0.1").loopbackOnly());
    assertTrue(withAddress("127.0.1.1").loopbackOnly());
    assertTrue(withAddress("localhost").loopbackOnly());
    assertTrue(withAddress("LOCALHOST").loopbackOnly());
    assertTrue(withAddress("::1").loopbackOnly());
    assertTrue(withAddress("[::1]").loopbackOnly());
    assertFalse(withAddress("0.0.0.0").loopbackOnly());
    assertFalse(withAddress("192.168.1.5").loopbackOnly());
    assertFalse(withAddress("::").loopbackOnly());
  }

  private static GatewayConfig withAddress(String address) {
    return GatewayConfig.from(new JsonObject().put("address", address));
  }
}
