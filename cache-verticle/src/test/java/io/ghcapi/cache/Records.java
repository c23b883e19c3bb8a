package io.ghcapi.cache;

import io.ghcapi.bus.Endpoints;
import io.ghcapi.bus.ExchangeState;
import io.ghcapi.bus.RequestRecord;
import io.ghcapi.bus.TokenUsage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Request records shaped as the gateway publishes them. */
final class Records {

  private Records() {
  }

  /** A started record (state sending), with a request body. */
  static JsonObject started(String id, String node, double timestampSeconds) {
    return RequestRecord.start(id, node, Endpoints.CHAT_COMPLETIONS, (long) (timestampSeconds * 1000))
        .model("gpt-4.1")
        .userId("alice")
        .clientIp("127.0.0.1")
        .requestHeaders(new JsonObject().put("content-type", "application/json")
            .put("authorization", "Bearer [REDACTED 24 chars]"))
        .originalRequestBody("{\"model\":\"gpt-4.1\",\"messages\":[{\"role\":\"user\",\"content\":\"hi " + id + "\"}]}")
        .requestBody("{\"model\":\"gpt-4.1\",\"messages\":[{\"role\":\"user\",\"content\":\"hi " + id + "\"}]}")
        .requestSize(100)
        .state(ExchangeState.SENDING)
        .toJson();
  }

  /** The completed record of the same exchange: status 200, tokens, a response body. */
  static JsonObject completed(String id, String node, double timestampSeconds) {
    return RequestRecord.fromJson(started(id, node, timestampSeconds))
        .state(ExchangeState.COMPLETED)
        .statusCode(200)
        .responseBody("{\"id\":\"chatcmpl-" + id + "\",\"choices\":[{\"message\":{\"content\":\"hello\"}}]}")
        .responseSize(250)
        .tokens(new TokenUsage(10, 5, 2, 3))
        .durationMillis(1234)
        .firstByteMs(321)
        .attempts(1)
        .initiator("user")
        .initiatorReason("user: the last message is typed text")
        .toJson();
  }

  static JsonObject completed(String id) {
    return completed(id, "node-a", System.currentTimeMillis() / 1000.0);
  }

  /** A pass-through stream: raw events, no assembled body. */
  static JsonObject passThrough(String id) {
    JsonObject record = completed(id);
    record.remove(RequestRecord.RESPONSE_BODY);
    record.put(RequestRecord.STREAM, true).put(RequestRecord.ENDPOINT, Endpoints.MESSAGES)
        .put(RequestRecord.RAW_EVENTS, new JsonArray().add("{\"type\":\"message_start\"}").add("{\"type\":\"message_stop\"}"));
    return record;
  }
}
