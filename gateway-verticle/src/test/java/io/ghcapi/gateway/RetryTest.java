package io.ghcapi.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.gateway.util.Counters;
import io.ghcapi.simulator.Fault;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Connection failures are retried with backoff; a request Copilot may have received is never sent twice. */
@ExtendWith(VertxExtension.class)
class RetryTest {

  private GatewayFixture fixture;

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void connectionsDroppedBeforeAnAnswerAreRetried(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).start();
    fixture.simulator.faults().inject(Fault.resetBeforeResponse(2).onPath("/chat/completions"));

    HttpResponse<Buffer> response = fixture.post("/v1/chat/completions", GatewayFixture.chat("gpt-4.1", "retry", false));

    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals(2, fixture.gateway.services().counters().get(Counters.UPSTREAM_RETRY));
  }

  @Test
  void exhaustedRetriesAreABadGatewayInOpenAiShape(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).config("max_connection_retries", 1).start();
    fixture.simulator.faults().inject(Fault.resetBeforeResponse(5).onPath("/chat/completions"));

    HttpResponse<Buffer> response = fixture.post("/v1/chat/completions", GatewayFixture.chat("gpt-4.1", "x", false));

    assertEquals(502, response.statusCode());
    JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
    assertEquals("upstream_connection_error", error.getString("code"));
    assertTrue(error.getString("message").contains("after 2 attempts"), error.getString("message"));
  }

  @Test
  void anUnreachableCopilotIsABadGateway(Vertx vertx) throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    fixture = GatewayFixture.with(vertx).config("copilot_api_base_url", "http://127.0.0.1:" + closedPort).cold().start();

    HttpResponse<Buffer> response = fixture.post("/v1/chat/completions", GatewayFixture.chat("gpt-4.1", "x", false));

    assertEquals(502, response.statusCode());
    assertEquals("upstream_connection_error", response.bodyAsJsonObject().getJsonObject("error").getString("code"));
    assertEquals(3, fixture.gateway.services().counters().get(Counters.UPSTREAM_RETRY));
  }

  @Test
  void aRequestThatTimedOutWaitingForAnAnswerIsNotSentTwice(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).config("upstream_read_timeout", 1).start();
    fixture.simulator.faults().inject(Fault.slowFirstByte(2_500).onPath("/chat/completions"));

    HttpResponse<Buffer> response = fixture.post("/v1/chat/completions", GatewayFixture.chat("gpt-4.1", "slow", false));

    assertEquals(504, response.statusCode());
    assertEquals("upstream_timeout", response.bodyAsJsonObject().getJsonObject("error").getString("code"));
    assertEquals(1, fixture.simulator.stats().requests("/chat/completions"));
  }
}
