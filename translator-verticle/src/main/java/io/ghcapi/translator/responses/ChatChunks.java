package io.ghcapi.translator.responses;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/** Builds the {@code chat.completion.chunk}s of one stream: same id, model and {@code created} on every chunk. */
final class ChatChunks {

  private final String id;
  private final long created;
  private final String model;

  ChatChunks(String model) {
    this.id = completionId(null);
    this.created = now();
    this.model = model;
  }

  static String completionId(String responseId) {
    if (responseId == null || responseId.isEmpty()) {
      return "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
    }
    return "chatcmpl-" + (responseId.startsWith("resp_") ? responseId.substring(5) : responseId);
  }

  /** An id for a tool call the upstream sent without one. */
  static String newCallId() {
    return "call_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
  }

  static long now() {
    return System.currentTimeMillis() / 1000;
  }

  JsonObject delta(JsonObject delta) {
    return choice(new JsonObject().put("index", 0).put("delta", delta).put("logprobs", null).put("finish_reason", null));
  }

  JsonObject finish(String finishReason) {
    return choice(new JsonObject().put("index", 0).put("delta", new JsonObject()).put("logprobs", null)
        .put("finish_reason", finishReason));
  }

  /** The usage-only chunk ({@code choices: []}) that {@code stream_options.include_usage} asks for. */
  JsonObject usage(JsonObject usage) {
    return envelope().put("choices", new JsonArray()).put("usage", usage);
  }

  private JsonObject choice(JsonObject choice) {
    return envelope().put("choices", new JsonArray().add(choice));
  }

  private JsonObject envelope() {
    return new JsonObject().put("id", id).put("object", "chat.completion.chunk").put("created", created).put("model", model);
  }
}
