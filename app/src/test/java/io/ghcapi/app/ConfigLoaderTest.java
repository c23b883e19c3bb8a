package io.ghcapi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.gateway.config.ApiKey;
import io.ghcapi.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(value = 5, timeUnit = TimeUnit.SECONDS)
class ConfigLoaderTest {

  @TempDir
  Path dir;

  private Path file() {
    return dir.resolve(DefaultConfigFile.FILE_NAME);
  }

  @Test
  void theDefaultFileLoadsToTheDefaults(Vertx vertx, VertxTestContext ctx) throws IOException {
    assertTrue(DefaultConfigFile.writeIfMissing(file()));
    ConfigLoader.load(vertx, file(), Map.of(), new JsonObject()).onComplete(ctx.succeeding(loaded -> ctx.verify(() -> {
      assertEquals(Set.of(), loaded.unknownKeys(), "the default file has no unknown keys");
      assertEquals(GatewayConfig.defaults(), loaded.gateway());
      ctx.completeNow();
    })));
  }

  @Test
  void writeIfMissingDoesNotOverwrite() throws IOException {
    Files.writeString(file(), "port: 1\n");
    assertEquals(false, DefaultConfigFile.writeIfMissing(file()));
    assertEquals("port: 1\n", Files.readString(file()));
  }

  @Test
  void missingOrEmptyFileGivesDefaults(Vertx vertx, VertxTestContext ctx) throws IOException {
    Path empty = dir.resolve("empty.yaml");
    Files.writeString(empty, "\n  \n");
    ConfigLoader.load(vertx, dir.resolve("absent.yaml"), Map.of(), new JsonObject())
        .compose(absent -> ConfigLoader.load(vertx, empty, Map.of(), new JsonObject()).map(e -> List.of(absent, e)))
        .onComplete(ctx.succeeding(both -> ctx.verify(() -> {
          assertEquals(GatewayConfig.defaults(), both.get(0).gateway());
          assertEquals(GatewayConfig.defaults(), both.get(1).gateway());
          ctx.completeNow();
        })));
  }

  @Test
  void fileValuesAreRead(Vertx vertx, VertxTestContext ctx) throws IOException {
    Files.writeString(file(), """
        port: 9001
        address: localhost
        api_keys:
          - abcdefgh1234
          - {name: alice, key: alice-key-123}
        sse_keepalive_interval: 5
        model_mappings:
          exact:
            fast: gpt-4o
        """);
    ConfigLoader.load(vertx, file(), Map.of(), new JsonObject()).onComplete(ctx.succeeding(loaded -> ctx.verify(() -> {
      GatewayConfig c = loaded.gateway();
      assertEquals(9001, c.port());
      assertEquals("localhost", c.address());
      assertEquals(List.of(new ApiKey("key-1", "abcdefgh1234"), new ApiKey("alice", "alice-key-123")), c.apiKeys());
      assertEquals(5000, c.sseKeepaliveIntervalMillis());
      assertEquals(Map.of("fast", "gpt-4o"), c.modelMappings().exact());
      assertEquals(Map.of(), c.modelMappings().prefix());
      ctx.completeNow();
    })));
  }

  @Test
  void environmentOverridesTheFile(Vertx vertx, VertxTestContext ctx) throws IOException {
    DefaultConfigFile.writeIfMissing(file());
    Map<String, String> env = Map.of("GHC_API_PORT", "9123", "GHC_API_SSE_KEEPALIVE_INTERVAL", "0",
        "GHC_API_MAX_COMPLETION_TOKENS_MODELS", "[o1, gpt-6]", "GHC_API_CONFIG_DIR", "/elsewhere",
        "OTHER_PORT", "1");
    ConfigLoader.load(vertx, file(), env, new JsonObject()).onComplete(ctx.succeeding(loaded -> ctx.verify(() -> {
      assertEquals(9123, loaded.gateway().port());
      assertEquals(0, loaded.gateway().sseKeepaliveIntervalMillis());
      assertEquals(List.of("o1", "gpt-6"), loaded.gateway().maxCompletionTokensModels());
      assertEquals(Set.of(), loaded.unknownKeys(), "GHC_API_CONFIG_DIR is not a config key");
      ctx.completeNow();
    })));
  }

  @Test
  void environmentDateLikeValueStaysText(Vertx vertx, VertxTestContext ctx) {
    ConfigLoader.load(vertx, file(), Map.of("GHC_API_API_VERSION", "2025-05-01"), new JsonObject())
        .onComplete(ctx.succeeding(loaded -> ctx.verify(() -> {
          assertEquals("2025-05-01", loaded.gateway().apiVersion());
          ctx.completeNow();
        })));
  }

  @Test
  void flagsOverrideTheEnvironment(Vertx vertx, VertxTestContext ctx) throws IOException {
    Files.writeString(file(), "port: 9000\naddress: 127.0.0.1\n");
    JsonObject flags = new JsonObject().put("port", 9555).put("address", "localhost");
    ConfigLoader.load(vertx, file(), Map.of("GHC_API_PORT", "9123", "GHC_API_ADDRESS", "127.0.0.2"), flags)
        .onComplete(ctx.succeeding(loaded -> ctx.verify(() -> {
          assertEquals(9555, loaded.gateway().port());
          assertEquals("localhost", loaded.gateway().address());
          ctx.completeNow();
        })));
  }

  @Test
  void unknownKeysAreReported(Vertx vertx, VertxTestContext ctx) throws IOException {
    Files.writeString(file(), "port: 9000\nprot: 9001\ndebug: false\n");
    ConfigLoader.load(vertx, file(), Map.of("GHC_API_ADRESS", "x"), new JsonObject())
        .onComplete(ctx.succeeding(loaded -> ctx.verify(() -> {
          assertEquals(Set.of("prot", "adress"), loaded.unknownKeys());
          ctx.completeNow();
        })));
  }

  @Test
  void invalidValueFailsNamingFileAndKey(Vertx vertx, VertxTestContext ctx) throws IOException {
    Files.writeString(file(), "port: \"abc\"\n");
    ConfigLoader.load(vertx, file(), Map.of(), new JsonObject()).onComplete(ctx.failing(e -> ctx.verify(() -> {
      assertInstanceOf(ConfigFileException.class, e);
      assertTrue(e.getMessage().startsWith(file().toString()), e.getMessage());
      assertTrue(e.getMessage().contains("'port'"), e.getMessage());
      ctx.completeNow();
    })));
  }

  @Test
  void invalidYamlFailsNamingTheFile(Vertx vertx, VertxTestContext ctx) throws IOException {
    Files.writeString(file(), "port: [1, 2\n");
    ConfigLoader.load(vertx, file(), Map.of(), new JsonObject()).onComplete(ctx.failing(e -> ctx.verify(() -> {
      assertInstanceOf(ConfigFileException.class, e);
      assertTrue(e.getMessage().startsWith(file().toString()), e.getMessage());
      assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
      ctx.completeNow();
    })));
  }

  @Test
  void yamlThatIsNotAMappingFails(Vertx vertx, VertxTestContext ctx) throws IOException {
    Files.writeString(file(), "- port\n- 8313\n");
    ConfigLoader.load(vertx, file(), Map.of(), new JsonObject()).onComplete(ctx.failing(e -> ctx.verify(() -> {
      assertInstanceOf(ConfigFileException.class, e);
      assertTrue(e.getMessage().startsWith(file().toString()), e.getMessage());
      ctx.completeNow();
    })));
  }

  @Test
  void quotedNumberIsNotANumber(Vertx vertx, VertxTestContext ctx) throws IOException {
    // a number-typed key given a YAML string must fail, not be coerced
    Files.writeString(file(), "max_json_depth: \"50\"\n");
    ConfigLoader.load(vertx, file(), Map.of(), new JsonObject()).onComplete(ctx.failing(e -> ctx.verify(() -> {
      assertTrue(e.getMessage().contains("'max_json_depth'"), e.getMessage());
      ctx.completeNow();
    })));
  }

  @Test
  void unquotedDateInTheFileStaysTheWrittenText(Vertx vertx, VertxTestContext ctx) throws IOException {
    // the default file quotes it; a user who writes it unquoted must still send 2025-05-01 to Copilot
    Files.writeString(file(), "api_version: 2025-05-01\n");
    ConfigLoader.load(vertx, file(), Map.of(), new JsonObject()).onComplete(ctx.succeeding(loaded -> ctx.verify(() -> {
      assertEquals("2025-05-01", loaded.gateway().apiVersion());
      ctx.completeNow();
    })));
  }

  @Test
  void fromEnvironmentParsesYamlScalars() {
    JsonObject json = ConfigLoader.fromEnvironment(Map.of("GHC_API_PORT", "9000", "GHC_API_ADDRESS", "0.0.0.0",
        "GHC_API_CONNECTION_RETRY_BACKOFF", "0.5", "GHC_API_NODE_ID", "", "HOME", "/root"));
    assertEquals(9000, json.getValue("port"));
    assertEquals("0.0.0.0", json.getValue("address"));
    assertEquals(0.5, ((Number) json.getValue("connection_retry_backoff")).doubleValue());
    assertEquals("", json.getValue("node_id"));
    assertEquals(Set.of("port", "address", "connection_retry_backoff", "node_id"), json.fieldNames());
  }
}
