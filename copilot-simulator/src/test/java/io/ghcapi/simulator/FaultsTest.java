package io.ghcapi.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class FaultsTest {

  private SimulatorHarness sim;

  @AfterEach
  void stop() {
    if (sim != null) {
      sim.close();
    }
  }

  @Test
  void unauthorizedAppliesToTheGivenNumberOfRequestsWhateverTheToken(Vertx vertx) {
    sim = SimulatorHarness.start(vertx);
    sim.simulator.faults().inject(Fault.unauthorized(2));

    assertEquals(401, chat().statusCode());
    assertEquals("invalid_token", chat().bodyAsJsonObject().getJsonObject("error").getString("code"));
    assertEquals(200, chat().statusCode());
    assertTrue(sim.simulator.faults().pending().isEmpty());
  }

  @Test
  void rateLimitedAnswers429WithRetryAfter(Vertx vertx) {
    sim = SimulatorHarness.start(vertx);
    sim.simulator.faults().inject(Fault.rateLimited(1, 3));

    HttpResponse<Buffer> response = chat();

    assertEquals(429, response.statusCode());
    assertEquals("3", response.getHeader("retry-after"));
    assertEquals(new JsonObject().put("error", new JsonObject()
            .put("message", "Rate limit exceeded. Please retry after 3 seconds.")
            .put("type", "rate_limit_error")
            .put("code", "rate_limited")),
        response.bodyAsJsonObject());
    assertEquals(200, chat().statusCode());
  }

  @Test
  void serverErrorOnlyHitsItsPathAndSpeaksThatPathsDialect(Vertx vertx) {
    sim = SimulatorHarness.start(vertx);
    sim.simulator.faults().inject(Fault.serverError(1).onPath("/v1/messages"));

    assertEquals(200, chat().statusCode());
    HttpResponse<Buffer> messages = sim.postMessages(new JsonObject().put("model", "claude-sonnet-4").put("max_tokens", 10)
        .put("messages", new io.vertx.core.json.JsonArray().add(new JsonObject().put("role", "user").put("content", "x"))));
    assertEquals(500, messages.statusCode());
    assertEquals(new JsonObject().put("type", "error").put("error", new JsonObject()
        .put("type", "api_error").put("message", "Internal server error")), messages.bodyAsJsonObject());
    sim.simulator.faults().inject(Fault.serverError(1));
    assertEquals(new JsonObject().put("error", new JsonObject().put("message", "Internal server error")
        .put("type", "server_error").put("code", "internal_error")), chat().bodyAsJsonObject());
  }

  @Test
  void faultsWithoutAPathLeaveTheGitHubSideAlone(Vertx vertx) {
    sim = SimulatorHarness.start(vertx);
    sim.simulator.faults().inject(Fault.rateLimited(1, 1));
    sim.simulator.faults().inject(Fault.unauthorized(1).onPath("/copilot_internal/v2/token"));

    assertEquals(200, sim.exchangeToken("ghu_1").statusCode());
    assertEquals(2, sim.simulator.faults().pending().size());
    assertEquals(429, chat().statusCode());

    sim.simulator.faults().clear();
    sim.simulator.faults().inject(Fault.serverError(1).onPath("/copilot_internal/v2/token"));
    HttpResponse<Buffer> token = sim.exchangeToken("ghu_2");
    assertEquals(500, token.statusCode());
    assertEquals("Internal server error", token.bodyAsJsonObject().getString("message"));
  }

  @Test
  void resetMidStreamSendsSomeEventsThenDropsTheConnection(Vertx vertx) {
    sim = SimulatorHarness.start(vertx);
    sim.simulator.faults().inject(Fault.resetMidStream(3));

    Buffer received = Buffer.buffer();
    AsyncResult<Void> outcome = streamChat(vertx, received, false);

    assertTrue(outcome.failed(), "the client sees a broken stream");
    List<SseEvents.Event> events = SseEvents.parse(received.toString()).events();
    assertEquals(3, events.size());
    assertFalse(received.toString().contains("[DONE]"));
    assertEquals(1, sim.simulator.stats().streamsReset());
    assertEquals(0, sim.simulator.stats().streamsCompleted());
    SimulatorHarness.eventually(Duration.ofSeconds(2), () -> sim.simulator.stats().streamsStarted() == 1, "counted");
  }

  @Test
  void resetMidStreamOnAPlainRequestDropsItBeforeAnswering(Vertx vertx) {
    sim = SimulatorHarness.start(vertx);
    sim.simulator.faults().inject(Fault.resetMidStream(2));

    assertTrue(sendChat().failed());
    assertEquals(200, chat().statusCode());
  }

  @Test
  void resetBeforeResponseClosesTheConnectionWithoutAnAnswer(Vertx vertx) {
    sim = SimulatorHarness.start(vertx);
    sim.simulator.faults().inject(Fault.resetBeforeResponse(1));

    assertTrue(sendChat().failed());
    assertEquals(200, chat().statusCode());
    assertEquals(2, sim.simulator.stats().requests("/chat/completions"));
  }

  @Test
  void slowFirstByteDelaysTheResponse(Vertx vertx) {
    sim = SimulatorHarness.start(vertx);
    sim.copilotToken();
    sim.simulator.faults().inject(Fault.slowFirstByte(300));

    long started = System.nanoTime();
    assertEquals(200, chat().statusCode());

    assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 300);
    assertTrue(sim.simulator.faults().pending().isEmpty());
  }

  @Test
  void firstByteDelayOptionDelaysEveryDataPlaneResponse(Vertx vertx) {
    sim = SimulatorHarness.start(vertx, new SimulatorOptions().setFirstByteDelayMs(150));
    sim.copilotToken();

    for (int i = 0; i < 2; i++) {
      long started = System.nanoTime();
      assertEquals(200, sim.copilot(HttpMethod.GET, "/models").send().await().statusCode());
      assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 150);
    }
  }

  @Test
  void faultsCanBeInjectedAndClearedOverHttp(Vertx vertx) {
    sim = SimulatorHarness.start(vertx);
    HttpResponse<Buffer> injected = sim.client.post("/_sim/faults").sendJsonObject(new JsonObject()
        .put("kind", "RATE_LIMITED").put("times", 1).put("retryAfterSeconds", 2).put("pathPrefix", "/chat/completions")
        .put("delayMs", 0).put("afterChunks", 0)).await();
    assertEquals(201, injected.statusCode());
    assertEquals(1, sim.client.get("/_sim/faults").send().await().bodyAsJsonObject().getJsonArray("faults").size());

    HttpResponse<Buffer> limited = chat();
    assertEquals(429, limited.statusCode());
    assertEquals("2", limited.getHeader("retry-after"));

    sim.client.post("/_sim/faults").sendJsonObject(new JsonObject().put("kind", "SERVER_ERROR").put("times", 5)).await();
    assertEquals(204, sim.client.delete("/_sim/faults").send().await().statusCode());
    assertEquals(200, chat().statusCode());
    assertEquals(400, sim.client.post("/_sim/faults").sendJsonObject(new JsonObject().put("kind", "NOPE")).await().statusCode());
  }

  @Test
  void aClientThatGoesAwayMidStreamIsCountedAsCancelled(Vertx vertx) {
    sim = SimulatorHarness.start(vertx, new SimulatorOptions().setChunkCount(40).setChunkDelayMs(50));

    Buffer received = Buffer.buffer();
    AsyncResult<Void> outcome = streamChat(vertx, received, true);

    assertTrue(outcome.failed());
    SimulatorHarness.eventually(Duration.ofSeconds(3), () -> sim.simulator.stats().streamsCancelled() == 1,
        "the simulator notices the client left");
    assertEquals(1, sim.simulator.stats().streamsStarted());
    assertEquals(0, sim.simulator.stats().streamsCompleted());
  }

  private HttpResponse<Buffer> chat() {
    return sim.post("/chat/completions", DataPlaneAccessTest.chat("gpt-4.1"));
  }

  private AsyncResult<HttpResponse<Buffer>> sendChat() {
    return sim.copilot(HttpMethod.POST, "/chat/completions").sendJsonObject(DataPlaneAccessTest.chat("gpt-4.1"))
        .transform(Future::succeededFuture).await();
  }

  /** Streams a chat answer with a raw client, collecting what arrives; optionally hangs up after the first bytes. */
  private AsyncResult<Void> streamChat(Vertx vertx, Buffer received, boolean hangUpEarly) {
    HttpClientAgent http = vertx.createHttpClient();
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(sim.simulator.port()).setURI("/chat/completions")
        .putHeader("Authorization", "Bearer " + sim.copilotToken())
        .putHeader("Editor-Version", SimulatorHarness.EDITOR_VERSION)
        .putHeader("Content-Type", "application/json");
    Buffer body = DataPlaneAccessTest.chat("gpt-4.1").put("stream", true).toBuffer();
    try {
      return http.request(options)
          .compose(request -> request.send(body))
          .compose(response -> {
            // The end of the body, or the loss of the connection, whichever comes first: a reset racing the
            // response's own end must not leave the test waiting.
            Promise<Void> outcome = Promise.promise();
            response.request().connection().closeHandler(v -> outcome.tryFail("connection closed"));
            response.exceptionHandler(outcome::tryFail);
            response.handler(chunk -> {
              received.appendBuffer(chunk);
              if (hangUpEarly) {
                response.request().connection().close();
              }
            });
            response.endHandler(v -> outcome.tryComplete());
            return outcome.future();
          })
          .timeout(10, TimeUnit.SECONDS)
          .transform(Future::succeededFuture)
          .await();
    } finally {
      http.close();
    }
  }
}
