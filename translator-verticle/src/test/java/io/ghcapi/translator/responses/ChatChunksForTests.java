package io.ghcapi.translator.responses;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Upstream Chat chunks for stream tests, shaped as Copilot sends them. */
final class ChatChunksForTests {

  private ChatChunksForTests() {
  }

  static JsonObject delta(JsonObject delta) {
    return chunk(new JsonArray().add(new JsonObject().put("index", 0).put("delta", delta).put("finish_reason", null)));
  }

  static JsonObject role() {
    return delta(new JsonObject().put("role", "assistant").put("content", ""));
  }

  static JsonObject text(String text) {
    return delta(new JsonObject().put("content", text));
  }

  static JsonObject reasoning(String text) {
    return delta(new JsonObject().put("reasoning_text", text));
  }

  static JsonObject opaque(String opaque) {
    return delta(new JsonObject().put("reasoning_opaque", opaque));
  }

  static JsonObject toolStart(int index, String id, String name, String arguments) {
    return delta(new JsonObject().put("tool_calls", new JsonArray().add(new JsonObject().put("index", index).put("id", id)
        .put("type", "function").put("function", new JsonObject().put("name", name).put("arguments", arguments)))));
  }

  static JsonObject toolArguments(int index, String fragment) {
    return delta(new JsonObject().put("tool_calls", new JsonArray().add(new JsonObject().put("index", index)
        .put("function", new JsonObject().put("arguments", fragment)))));
  }

  static JsonObject finish(String reason) {
    return chunk(new JsonArray().add(new JsonObject().put("index", 0).put("delta", new JsonObject()).put("finish_reason", reason)));
  }

  static JsonObject usage(long prompt, long completion, long cached, long reasoning) {
    return chunk(new JsonArray()).put("usage", chatUsage(prompt, completion, cached, reasoning));
  }

  static JsonObject chatUsage(long prompt, long completion, long cached, long reasoning) {
    return new JsonObject().put("prompt_tokens", prompt).put("completion_tokens", completion)
        .put("total_tokens", prompt + completion)
        .put("prompt_tokens_details", new JsonObject().put("cached_tokens", cached))
        .put("completion_tokens_details", new JsonObject().put("reasoning_tokens", reasoning));
  }

  private static JsonObject chunk(JsonArray choices) {
    return new JsonObject().put("id", "chatcmpl-up").put("object", "chat.completion.chunk").put("created", 1)
        .put("model", "gpt-4.1").put("choices", choices);
  }
}
