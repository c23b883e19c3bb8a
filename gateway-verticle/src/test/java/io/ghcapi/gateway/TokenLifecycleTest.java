package io.ghcapi.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.gateway.auth.GithubCredentials;
import io.ghcapi.simulator.Fault;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GitHub → Copilot token exchange: single-flight, refreshed ahead of time, renewed once on a 401. */
@ExtendWith(VertxExtension.class)
class TokenLifecycleTest {

  private static final int CONCURRENT = 100;
  private GatewayFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void aHundredConcurrentRequestsOnAColdStartCauseOneExchange(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).cold().start();

    assertAllSucceed(fireConcurrently(CONCURRENT));
    assertEquals(1, fixture.simulator.stats().tokenExchanges());
  }

  @Test
  void aHundredConcurrentRequestsAtExpiryCauseOneExchange(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).start();
    assertEquals(1, fixture.simulator.stats().tokenExchanges());

    fixture.clock.advance(Duration.ofHours(2));
    assertAllSucceed(fireConcurrently(CONCURRENT));

    assertEquals(2, fixture.simulator.stats().tokenExchanges());
  }

  @Test
  void aTokenCopilotRejectsIsRenewedOnceAndTheRequestRetried(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).start();
    int chatsBefore = fixture.simulator.stats().requests("/chat/completions");
    assertTrue(fixture.simulator.expireIssuedTokens() > 0);

    HttpResponse<Buffer> response = fixture.post("/v1/chat/completions", GatewayFixture.chat("gpt-4.1", "again", false));

    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals(2, fixture.simulator.stats().tokenExchanges());
    assertEquals(chatsBefore + 2, fixture.simulator.stats().requests("/chat/completions"));
  }

  @Test
  void aBurstOfRejectionsStillCausesOneRenewal(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).start();
    fixture.simulator.expireIssuedTokens();

    assertAllSucceed(fireConcurrently(20));
    assertEquals(2, fixture.simulator.stats().tokenExchanges());
  }

  @Test
  void aSecondRejectionReachesTheClientWithoutALoop(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).start();
    fixture.simulator.faults().inject(Fault.unauthorized(2));

    HttpResponse<Buffer> response = fixture.post("/v1/chat/completions", GatewayFixture.chat("gpt-4.1", "no", false));

    assertEquals(401, response.statusCode());
    assertEquals("authentication_error", response.bodyAsJsonObject().getJsonObject("error").getString("type"));
    assertEquals(2, fixture.simulator.stats().tokenExchanges());
  }

  @Test
  void theTokenIsRefreshedInTheBackgroundBeforeItIsDue(Vertx vertx) throws InterruptedException {
    fixture = GatewayFixture.with(vertx)
        .simulator(options -> options.setTokenLifetimeSeconds(61))
        .config("token_refresh_margin", 60)
        .start();
    long deadline = System.currentTimeMillis() + 5_000;
    while (fixture.simulator.stats().tokenExchanges() < 2 && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(fixture.simulator.stats().tokenExchanges() >= 2, "refreshed without any request");
    assertEquals(0, fixture.simulator.stats().requests("/chat/completions"));
  }

  @Test
  void withoutAGithubTokenModelCallsExplainHowToLogIn(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).github(GithubCredentials.none(null)).cold().start();

    HttpResponse<Buffer> response = fixture.post("/v1/chat/completions", GatewayFixture.chat("gpt-4.1", "hi", false));
    JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
    assertEquals(401, response.statusCode());
    assertEquals("github_login_required", error.getString("code"));
    assertTrue(error.getString("message").contains("ghc-api --github-device-login"));
    assertEquals(401, fixture.get("/v1/models").statusCode());
    assertEquals(200, fixture.get("/health").statusCode(), "the server still serves");
  }

  @Test
  void aTokenGithubRejectsSaysToLogInAgain(Vertx vertx) {
    fixture = GatewayFixture.with(vertx)
        .github(GithubCredentials.of("bad-token", GithubCredentials.Source.FILE)).cold().start();

    HttpResponse<Buffer> response = fixture.post("/v1/chat/completions", GatewayFixture.chat("gpt-4.1", "hi", false));
    assertEquals(401, response.statusCode());
    assertEquals("github_token_rejected", response.bodyAsJsonObject().getJsonObject("error").getString("code"));
  }

  @Test
  void aNewGithubLoginReplacesTheCopilotToken(Vertx vertx) throws InterruptedException {
    GithubCredentials credentials = GithubCredentials.none(null);
    fixture = GatewayFixture.with(vertx).github(credentials).cold().start();
    assertEquals(401, fixture.post("/v1/chat/completions", GatewayFixture.chat("gpt-4.1", "hi", false)).statusCode());

    credentials.replace("gho_new_login", GithubCredentials.Source.DEVICE_FLOW);

    assertEquals(200, fixture.post("/v1/chat/completions", GatewayFixture.chat("gpt-4.1", "hi", false)).statusCode());
    assertEquals(1, fixture.simulator.stats().tokenExchanges());
  }

  private List<HttpResponse<Buffer>> fireConcurrently(int count) {
    List<Future<HttpResponse<Buffer>>> pending = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      pending.add(fixture.web().post("/v1/chat/completions")
          .sendBuffer(Buffer.buffer(GatewayFixture.chat("gpt-4.1", "request " + i, false))));
    }
    Await.result(Future.join(pending));
    return pending.stream().map(Future::result).toList();
  }

  private static void assertAllSucceed(List<HttpResponse<Buffer>> responses) {
    for (HttpResponse<Buffer> response : responses) {
      assertEquals(200, response.statusCode(), response.bodyAsString());
    }
  }
}
