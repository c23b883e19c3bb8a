package io.ghcapi.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class GitHubSideTest {

  private SimulatorHarness sim;

  @BeforeEach
  void start(Vertx vertx) {
    sim = SimulatorHarness.start(vertx, new SimulatorOptions().setTokenLifetimeSeconds(300).setDevicePendingPolls(2)
        .setDeviceIntervalSeconds(0));
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void tokenExchangeIssuesAUsableTokenAndCountsIt() {
    long now = System.currentTimeMillis() / 1000;
    HttpResponse<Buffer> response = sim.exchangeToken("ghu_good");

    assertEquals(200, response.statusCode());
    JsonObject body = response.bodyAsJsonObject();
    assertTrue(body.getString("token").startsWith("tid=sim;exp="), body.encode());
    assertEquals(300, body.getInteger("refresh_in"));
    long expiresAt = body.getLong("expires_at");
    assertTrue(expiresAt >= now + 360 && expiresAt <= now + 362, "expires_at = now + refresh_in + 60, was " + expiresAt);
    assertEquals(sim.simulator.baseUrl(), body.getJsonObject("endpoints").getString("api"));
    assertEquals(1, sim.simulator.stats().tokenExchanges());

    HttpResponse<Buffer> models = sim.client.get("/models")
        .putHeader("Authorization", "Bearer " + body.getString("token"))
        .putHeader("Editor-Version", SimulatorHarness.EDITOR_VERSION)
        .send().await();
    assertEquals(200, models.statusCode());
  }

  @Test
  void badGitHubTokenIsRejectedAndNotCounted() {
    HttpResponse<Buffer> response = sim.exchangeToken("bad-token");

    assertEquals(401, response.statusCode());
    assertEquals(new JsonObject().put("message", "Bad credentials").put("documentation_url", "https://docs.github.com/rest"),
        response.bodyAsJsonObject());
    assertEquals(401, sim.exchangeToken("bad-anything").statusCode());
    assertEquals(0, sim.simulator.stats().tokenExchanges());
  }

  @Test
  void tokenExchangeWithoutAuthorizationIsRejected() {
    HttpResponse<Buffer> response = sim.client.get("/copilot_internal/v2/token").send().await();

    assertEquals(401, response.statusCode());
    assertEquals("Requires authentication", response.bodyAsJsonObject().getString("message"));
  }

  @Test
  void deviceFlowIsPendingForTheConfiguredPollsThenGrantsAToken() {
    JsonObject code = sim.client.post("/login/device/code")
        .putHeader("Accept", "application/json")
        .sendForm(io.vertx.core.MultiMap.caseInsensitiveMultiMap()
            .add("client_id", "01ab8ac9400c4e429b23").add("scope", "read:user"))
        .await().bodyAsJsonObject();
    assertEquals("ABCD-1234", code.getString("user_code"));
    assertEquals("https://github.com/login/device", code.getString("verification_uri"));
    assertEquals(900, code.getInteger("expires_in"));
    assertEquals(0, code.getInteger("interval"));

    assertEquals("authorization_pending", poll(code.getString("device_code")).getString("error"));
    assertEquals("authorization_pending", poll(code.getString("device_code")).getString("error"));
    JsonObject granted = poll(code.getString("device_code"));
    assertTrue(granted.getString("access_token").startsWith("gho_sim"), granted.encode());
    assertEquals("bearer", granted.getString("token_type"));
    assertEquals("read:user", granted.getString("scope"));

    assertEquals("expired_token", poll("no-such-code").getString("error"));
  }

  @Test
  void oauthAnswersAreFormEncodedUnlessJsonIsAccepted() {
    HttpResponse<Buffer> response = sim.client.post("/login/oauth/access_token")
        .sendForm(io.vertx.core.MultiMap.caseInsensitiveMultiMap().add("device_code", "unknown"))
        .await();

    assertEquals("application/x-www-form-urlencoded", response.getHeader("Content-Type"));
    assertTrue(response.bodyAsString().startsWith("error=expired_token&"), response.bodyAsString());
  }

  private JsonObject poll(String deviceCode) {
    return sim.client.post("/login/oauth/access_token")
        .putHeader("Accept", "application/json")
        .sendForm(io.vertx.core.MultiMap.caseInsensitiveMultiMap()
            .add("client_id", "01ab8ac9400c4e429b23")
            .add("device_code", deviceCode)
            .add("grant_type", "urn:ietf:params:oauth:grant-type:device_code"))
        .await().bodyAsJsonObject();
  }
}
