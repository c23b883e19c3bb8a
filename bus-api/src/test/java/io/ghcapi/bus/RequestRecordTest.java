package io.ghcapi.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class RequestRecordTest {

  @Test
  void roundTripsThroughJsonAndSnapshotsAreIndependent() {
    RequestRecord record = RequestRecord.start("id-1", "node-a", Endpoints.CHAT_COMPLETIONS, 1_700_000_000_123L)
        .model("sonnet").translatedModel("claude-sonnet-4.5").stream(true)
        .state(ExchangeState.RECEIVING).statusCode(200)
        .tokens(new TokenUsage(10, 5, 0, 90)).durationMillis(1234);

    JsonObject snapshot = record.toJson();
    record.state(ExchangeState.COMPLETED);

    RequestRecord received = RequestRecord.fromJson(snapshot);
    assertEquals(RequestRecord.SCHEMA_VERSION, snapshot.getInteger(RequestRecord.VERSION));
    assertEquals("id-1", received.id());
    assertEquals("node-a", received.nodeId());
    assertEquals(1_700_000_000.123, received.timestamp(), 1e-9);
    assertEquals(ExchangeState.RECEIVING, received.state());
    assertEquals("claude-sonnet-4.5", received.effectiveModel());
    assertEquals(105, received.tokens().total());
    assertEquals(1.23, received.duration());
    assertNull(received.error());
  }

  @Test
  void openAiUsageMovesCachedTokensOutOfInput() {
    TokenUsage usage = TokenUsage.fromOpenAi(100, 20, 60, 0);
    assertEquals(40, usage.inputTokens());
    assertEquals(60, usage.cacheReadInputTokens());
    assertEquals(120, usage.total());
    assertEquals(0, TokenUsage.fromOpenAi(10, 0, 50, 0).inputTokens());
  }
}
