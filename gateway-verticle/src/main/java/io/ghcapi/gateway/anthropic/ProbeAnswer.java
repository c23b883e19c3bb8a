package io.ghcapi.gateway.anthropic;

import io.ghcapi.bus.TokenUsage;
import io.ghcapi.gateway.exchange.Exchange;
import io.ghcapi.gateway.exchange.ExchangeRecorder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * Answers {@code max_tokens: 1} requests locally. Claude Code sends them to check that a model answers (at
 * start and when the model changes); through Copilot each would cost a premium request for one token.
 */
final class ProbeAnswer {

  private ProbeAnswer() {
  }

  static boolean isProbe(JsonObject request) {
    return request.getValue("max_tokens") instanceof Number n && n.longValue() == 1;
  }

  static void answer(Exchange exchange, String requestedModel, boolean stream, int inputTokens,
      ExchangeRecorder recorder) {
    String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
    JsonObject usage = new JsonObject().put("input_tokens", inputTokens).put("output_tokens", 1)
        .put("cache_creation_input_tokens", 0).put("cache_read_input_tokens", 0);
    Buffer body = stream ? streamed(id, requestedModel, usage) : whole(id, requestedModel, usage).toBuffer();
    exchange.ctx().response().setStatusCode(200)
        .putHeader(HttpHeaders.CONTENT_TYPE, stream ? "text/event-stream; charset=utf-8" : "application/json")
        .end(body);
    exchange.record().initiator("none")
        .tokens(new TokenUsage(inputTokens, 1, 0, 0))
        .responseSize(body.length()).responseBody(recorder.recordable(body))
        .error(null);
    exchange.finish(200, null);
  }

  private static JsonObject whole(String id, String model, JsonObject usage) {
    return new JsonObject().put("id", id).put("type", "message").put("role", "assistant").put("model", model)
        .put("content", new JsonArray().add(new JsonObject().put("type", "text").put("text", "OK")))
        .put("stop_reason", "max_tokens").putNull("stop_sequence").put("usage", usage);
  }

  private static Buffer streamed(String id, String model, JsonObject usage) {
    JsonObject start = new JsonObject().put("type", "message_start").put("message", new JsonObject()
        .put("id", id).put("type", "message").put("role", "assistant").put("model", model).put("content", new JsonArray())
        .putNull("stop_reason").putNull("stop_sequence").put("usage", usage.copy().put("output_tokens", 0)));
    return Buffer.buffer()
        .appendString(frame("message_start", start))
        .appendString(frame("content_block_start", new JsonObject().put("type", "content_block_start").put("index", 0)
            .put("content_block", new JsonObject().put("type", "text").put("text", ""))))
        .appendString(frame("content_block_delta", new JsonObject().put("type", "content_block_delta").put("index", 0)
            .put("delta", new JsonObject().put("type", "text_delta").put("text", "OK"))))
        .appendString(frame("content_block_stop", new JsonObject().put("type", "content_block_stop").put("index", 0)))
        .appendString(frame("message_delta", new JsonObject().put("type", "message_delta")
            .put("delta", new JsonObject().put("stop_reason", "max_tokens").putNull("stop_sequence"))
            .put("usage", new JsonObject().put("output_tokens", 1))))
        .appendString(frame("message_stop", new JsonObject().put("type", "message_stop")));
  }

  private static String frame(String event, JsonObject data) {
    return "event: " + event + "\ndata: " + data.encode() + "\n\n";
  }
}
