package io.ghcapi.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.gateway.auth.GithubCredentials;
import io.ghcapi.gateway.config.ConfigException;
import io.ghcapi.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Listening beyond loopback needs client keys; keys are checked in both header styles. */
@ExtendWith(VertxExtension.class)
class ExposureTest {

  private static final String ALICE_KEY = "sk-alice-0123456789";
  private GatewayFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void aNonLoopbackAddressWithoutKeysIsRefused(Vertx vertx) {
    GatewayConfig config = GatewayConfig.from(new JsonObject().put("address", "0.0.0.0").put("port", 0));
    RuntimeException failure = assertThrows(RuntimeException.class,
        () -> Await.result(Gateway.start(vertx, config, GithubCredentials.none(null))));
    ConfigException cause = assertInstanceOf(ConfigException.class, failure.getCause() == null ? failure : failure.getCause());
    assertEquals("api_keys", cause.key());
    assertTrue(cause.getMessage().contains("0.0.0.0"));
  }

  @Test
  void aNonLoopbackAddressWithKeysButNoAdminTokenIsRefused(Vertx vertx) {
    GatewayConfig config = GatewayConfig.from(new JsonObject().put("address", "0.0.0.0").put("port", 0)
        .put("api_keys", keys()));
    RuntimeException failure = assertThrows(RuntimeException.class,
        () -> Await.result(Gateway.start(vertx, config, GithubCredentials.none(null))));
    ConfigException cause = assertInstanceOf(ConfigException.class, failure.getCause() == null ? failure : failure.getCause());
    assertEquals("admin_token", cause.key());
  }

  @Test
  void aNonLoopbackAddressWithKeysAndAnAdminTokenStarts(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).config("address", "0.0.0.0").config("api_keys", keys())
        .config("admin_token", "team-admin-token-0001").start();
    assertEquals(200, withBearer(ALICE_KEY).statusCode());
  }

  @Test
  void keysAreCheckedInBothHeaderStylesAndNameTheUser(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).config("api_keys", keys()).start();
    RecordCollector records = new RecordCollector(vertx);

    HttpResponse<Buffer> missing = fixture.post("/v1/chat/completions", GatewayFixture.chat("gpt-4.1", "hi", false));
    assertEquals(401, missing.statusCode());
    assertEquals("invalid_api_key", missing.bodyAsJsonObject().getJsonObject("error").getString("code"));
    assertEquals(401, withBearer("sk-wrong-0123456789").statusCode());
    assertEquals(200, withBearer(ALICE_KEY).statusCode());
    HttpResponse<Buffer> viaApiKey = Await.result(fixture.web().post("/v1/chat/completions").putHeader("x-api-key", ALICE_KEY)
        .sendBuffer(Buffer.buffer(GatewayFixture.chat("gpt-4.1", "hi", false))));
    assertEquals(200, viaApiKey.statusCode());
    assertEquals(401, fixture.get("/v1/models").statusCode(), "the model list is protected too");

    assertEquals("alice", records.nextCompleted().userId());
  }

  @Test
  void severalInstancesShareOnePort(Vertx vertx) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    fixture = GatewayFixture.with(vertx).config("port", port).config("server_instances", 2).start();
    for (int i = 0; i < 6; i++) {
      assertEquals(200, fixture.post("/v1/chat/completions", GatewayFixture.chat("gpt-4.1", "n" + i, false)).statusCode());
    }
    assertEquals(port, fixture.gateway.port());
  }

  private HttpResponse<Buffer> withBearer(String key) {
    return Await.result(fixture.web().post("/v1/chat/completions").putHeader("authorization", "Bearer " + key)
        .sendBuffer(Buffer.buffer(GatewayFixture.chat("gpt-4.1", "hi", false))));
  }

  private static JsonArray keys() {
    return new JsonArray().add(new JsonObject().put("name", "alice").put("key", ALICE_KEY));
  }
}
