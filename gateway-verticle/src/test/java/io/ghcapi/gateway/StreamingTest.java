package io.ghcapi.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.bus.ExchangeState;
import io.ghcapi.bus.RequestRecord;
import io.ghcapi.simulator.Fault;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Streams: keepalives, the pre-header grace, mid-stream failures, and clients that leave. */
@ExtendWith(VertxExtension.class)
class StreamingTest {

  private GatewayFixture fixture;

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void aClientThatLeavesStopsTheUpstreamStreamAtOnce(Vertx vertx) throws InterruptedException {
    fixture = GatewayFixture.with(vertx).simulator(o -> o.setChunkCount(50).setChunkDelayMs(100)).start();
    RecordCollector records = new RecordCollector(vertx);
    HttpClient client = vertx.createHttpClient();
    Promise<Void> firstChunk = Promise.promise();

    Await.result(client.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
            .setPort(fixture.gateway.port()).setURI("/v1/chat/completions"))
        .compose(request -> request.send(GatewayFixture.chat("gpt-4.1", "long answer", true)))
        .onSuccess(response -> response.handler(chunk -> {
          if (firstChunk.tryComplete()) {
            response.request().connection().close();
          }
        })));
    Await.result(firstChunk.future());

    long deadline = System.currentTimeMillis() + 3_000;
    while (fixture.simulator.stats().streamsCancelled() == 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(1, fixture.simulator.stats().streamsCancelled(), "the upstream stream was cancelled");
    assertEquals(0, fixture.simulator.stats().streamsCompleted());
    RequestRecord record = records.nextCompleted();
    assertEquals(RequestRecord.STATUS_CLIENT_CLOSED, record.statusCode());
    assertEquals(ExchangeState.ERROR, record.state());
    Await.result(client.close());
  }

  @Test
  void anIdleStreamGetsKeepaliveComments(Vertx vertx) {
    fixture = GatewayFixture.with(vertx)
        .simulator(o -> o.setChunkCount(3).setChunkDelayMs(350))
        .config("sse_keepalive_interval", 0.1)
        .start();

    String body = stream("keep me alive").bodyAsString();

    assertTrue(body.contains(": keepalive\n\n"), body);
    assertTrue(body.contains("keep me alive"));
    assertTrue(body.endsWith("data: [DONE]\n\n"));
  }

  @Test
  void aSlowFirstByteCommitsTheStreamAndKeepsItAlive(Vertx vertx) {
    fixture = GatewayFixture.with(vertx)
        .config("sse_keepalive_interval", 0.2)
        .config("stream_pre_header_grace", 0.05)
        .start();
    fixture.simulator.faults().inject(Fault.slowFirstByte(900));

    HttpResponse<Buffer> response = stream("slow");

    assertEquals(200, response.statusCode());
    assertTrue(response.getHeader("content-type").startsWith("text/event-stream"));
    assertTrue(response.bodyAsString().startsWith(": keepalive\n\n"), response.bodyAsString());
    assertTrue(response.bodyAsString().endsWith("data: [DONE]\n\n"));
  }

  @Test
  void anErrorAfterTheStreamWasCommittedArrivesAsAnErrorEvent(Vertx vertx) {
    fixture = GatewayFixture.with(vertx)
        .simulator(o -> o.setFirstByteDelayMs(400))
        .config("sse_keepalive_interval", 0.1)
        .config("stream_pre_header_grace", 0.05)
        .start();
    fixture.simulator.faults().inject(Fault.rateLimited(1, 5));

    HttpResponse<Buffer> response = stream("late error");

    assertEquals(200, response.statusCode());
    String body = response.bodyAsString();
    JsonObject error = lastData(body).getJsonObject("error");
    assertNotNull(error, body);
    assertEquals("rate_limit_error", error.getString("type"));
    assertFalse(body.contains("[DONE]"));
  }

  @Test
  void anUpstreamErrorBeforeTheGraceKeepsItsRealStatus(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).start();
    fixture.simulator.faults().inject(Fault.serverError(1));

    HttpResponse<Buffer> response = stream("early error");

    assertEquals(500, response.statusCode());
    assertEquals("server_error", response.bodyAsJsonObject().getJsonObject("error").getString("type"));
  }

  @Test
  void aStreamCutMidwayEndsWithAnErrorEventNotSilence(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).start();
    RecordCollector records = new RecordCollector(vertx);
    fixture.simulator.faults().inject(Fault.resetMidStream(2));

    HttpResponse<Buffer> response = stream("cut");

    String body = response.bodyAsString();
    assertEquals(200, response.statusCode());
    assertEquals("upstream_connection_error", lastData(body).getJsonObject("error").getString("code"), body);
    assertFalse(body.contains("[DONE]"));
    RequestRecord record = records.nextCompleted();
    assertEquals(502, record.statusCode());
    assertNotNull(record.error());
  }

  @Test
  void usageArrivesInItsOwnChunkOnlyWhenAskedFor(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).start();

    String without = stream("no usage please").bodyAsString();
    assertFalse(without.contains("\"usage\""), without);

    JsonObject request = new JsonObject(GatewayFixture.chat("gpt-4.1", "usage please", true))
        .put("stream_options", new JsonObject().put("include_usage", true));
    String with = Await.result(fixture.web().post("/v1/chat/completions")
        .sendBuffer(request.toBuffer())).bodyAsString();
    String[] events = with.split("\n\n");
    JsonObject usageChunk = new JsonObject(events[events.length - 2].substring("data: ".length()));
    assertTrue(usageChunk.getJsonArray("choices").isEmpty());
    assertTrue(usageChunk.getJsonObject("usage").getInteger("prompt_tokens") > 0);
    JsonObject finishChunk = new JsonObject(events[events.length - 3].substring("data: ".length()));
    assertEquals("stop", finishChunk.getJsonArray("choices").getJsonObject(0).getString("finish_reason"));
    assertFalse(finishChunk.containsKey("usage"));
  }

  @Test
  void aStreamRecordHoldsTheAssembledAnswer(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).start();
    RecordCollector records = new RecordCollector(vertx);

    stream("assemble me");

    RequestRecord record = records.nextCompleted();
    JsonObject completion = new JsonObject(record.responseBody());
    assertEquals("Simulated reply from gpt-4.1: assemble me",
        completion.getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content"));
    assertTrue(record.stream());
    assertTrue(record.outputTokens() > 0);
    assertNotNull(record.firstByteMs());
    assertTrue(record.responseSize() > 0);
  }

  private HttpResponse<Buffer> stream(String text) {
    return Await.result(fixture.web().post("/v1/chat/completions")
        .sendBuffer(Buffer.buffer(GatewayFixture.chat("gpt-4.1", text, true))));
  }

  private static JsonObject lastData(String body) {
    String[] events = body.trim().split("\n\n");
    String last = events[events.length - 1];
    assertTrue(last.startsWith("data: "), last);
    return new JsonObject(last.substring("data: ".length()));
  }

}
