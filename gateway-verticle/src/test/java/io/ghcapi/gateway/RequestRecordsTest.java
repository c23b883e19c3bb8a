package io.ghcapi.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.bus.Endpoints;
import io.ghcapi.bus.ExchangeState;
import io.ghcapi.bus.RequestRecord;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The bus contract: one started and one completed record per exchange, complete and redacted. */
@ExtendWith(VertxExtension.class)
class RequestRecordsTest {

  private GatewayFixture fixture;

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void anExchangePublishesAStartedAndACompletedRecord(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).start();
    RecordCollector records = new RecordCollector(vertx);
    String body = GatewayFixture.chat("gpt-4.1", "record me", false);

    HttpResponse<Buffer> response = Await.result(fixture.web().post("/v1/chat/completions")
        .putHeader("authorization", "Bearer sk-very-secret-key").putHeader("user-agent", "test-client/1.0")
        .sendBuffer(Buffer.buffer(body)));

    RequestRecord started = records.nextStarted();
    RequestRecord completed = records.nextCompleted();
    assertEquals(response.getHeader("x-request-id"), completed.id());
    assertEquals(started.id(), completed.id());
    assertEquals(ExchangeState.SENDING, started.state());
    assertEquals(ExchangeState.COMPLETED, completed.state());
    assertEquals(200, completed.statusCode());
    assertEquals("test-node", completed.nodeId());
    assertEquals(Endpoints.CHAT_COMPLETIONS, completed.endpoint());
    assertEquals("gpt-4.1", completed.model());
    assertNull(completed.translatedModel());
    assertEquals("user", completed.initiator());
    assertEquals(body, completed.originalRequestBody());
    assertEquals(body.length(), completed.requestSize());
    assertEquals(response.bodyAsString(), completed.responseBody());
    assertEquals(response.body().length(), completed.responseSize());
    assertTrue(completed.inputTokens() > 0 && completed.outputTokens() > 0);
    assertNotNull(completed.duration());
    assertEquals(1, completed.attempts());
    JsonObject headers = completed.requestHeaders();
    assertEquals("test-client/1.0", headers.getString("user-agent"));
    assertTrue(headers.getString("authorization").startsWith("Bearer [REDACTED"));
    assertFalse(completed.toString().contains("sk-very-secret-key"));
  }

  @Test
  void aMappedModelRecordsBothNames(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).start();
    RecordCollector records = new RecordCollector(vertx);

    fixture.post("/v1/chat/completions", GatewayFixture.chat("claude-haiku-4-5-20251001", "hi", false));

    RequestRecord record = records.nextCompleted();
    assertEquals("claude-haiku-4-5-20251001", record.model());
    assertEquals("claude-haiku-4.5", record.translatedModel());
    assertEquals("claude-haiku-4.5", new JsonObject(record.requestBody()).getString("model"));
  }

  @Test
  void refusedInputIsRecordedToo(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).start();
    RecordCollector records = new RecordCollector(vertx);

    fixture.post("/v1/chat/completions", "{not json");

    RequestRecord record = records.nextCompleted();
    assertEquals(400, record.statusCode());
    assertEquals(ExchangeState.ERROR, record.state());
    assertEquals("{not json", record.originalRequestBody());
    assertNotNull(record.error());
  }

  @Test
  void bodiesOverTheRecordLimitBecomeAVisibleMarker(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).config("cache_max_request_size", 64).start();
    RecordCollector records = new RecordCollector(vertx);

    fixture.post("/v1/chat/completions", GatewayFixture.chat("gpt-4.1", "a long enough message to pass the limit", false));

    JsonObject marker = new JsonObject(records.nextCompleted().originalRequestBody());
    assertTrue(marker.getBoolean("_truncated"));
    assertTrue(marker.getLong("_size") > 64);
  }

  @Test
  void cachedPromptTokensAreNotCountedAsInput(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).start();
    RecordCollector records = new RecordCollector(vertx);

    fixture.post("/v1/embeddings", "{\"model\": \"text-embedding-3-small\", \"input\": [\"one\", \"two\"]}");

    RequestRecord record = records.nextCompleted();
    assertEquals(Endpoints.EMBEDDINGS, record.endpoint());
    assertEquals(200, record.statusCode());
    assertTrue(record.inputTokens() > 0);
    assertEquals(0, record.outputTokens());
    assertEquals(record.inputTokens() + record.cacheReadInputTokens(), record.tokens().total());
  }
}
