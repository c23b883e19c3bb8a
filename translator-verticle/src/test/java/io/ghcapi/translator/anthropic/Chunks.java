package io.ghcapi.translator.anthropic;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Chat Completions stream chunks for tests. */
final class Chunks {

  private Chunks() {
  }

  static JsonObject delta(JsonObject delta) {
    return withChoice(new JsonObject().put("index", 0).put("delta", delta).put("finish_reason", null));
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

  static JsonObject signature(String opaque) {
    return delta(new JsonObject().put("reasoning_opaque", opaque));
  }

  static JsonObject toolStart(int index, String id, String name, String arguments) {
    return delta(new JsonObject().put("tool_calls", new JsonArray().add(toolStartFragment(index, id, name, arguments))));
  }

  static JsonObject toolStartFragment(int index, String id, String name, String arguments) {
    return new JsonObject().put("index", index).put("id", id).put("type", "function")
        .put("function", new JsonObject().put("name", name).put("arguments", arguments));
  }

  static JsonObject toolArguments(int index, String arguments) {
    return delta(new JsonObject().put("tool_calls", new JsonArray().add(toolArgumentsFragment(index, arguments))));
  }

  static JsonObject toolArgumentsFragment(int index, String arguments) {
    return new JsonObject().put("index", index).put("function", new JsonObject().put("arguments", arguments));
  }

  static JsonObject finish(String finishReason) {
    return withChoice(new JsonObject().put("index", 0).put("delta", new JsonObject()).put("finish_reason", finishReason));
  }

  static JsonObject usageOnly(JsonObject usage) {
    return base().put("choices", new JsonArray()).put("usage", usage);
  }

  static JsonObject usage(long prompt, long completion) {
    return new JsonObject().put("prompt_tokens", prompt).put("completion_tokens", completion)
        .put("total_tokens", prompt + completion);
  }

  static JsonObject usage(long prompt, long completion, long cached, long cacheWrite) {
    return usage(prompt, completion).put("prompt_tokens_details",
        new JsonObject().put("cached_tokens", cached).put("cache_creation_tokens", cacheWrite));
  }

  static JsonObject withUsage(JsonObject chunk, JsonObject usage) {
    return chunk.put("usage", usage);
  }

  private static JsonObject withChoice(JsonObject choice) {
    return base().put("choices", new JsonArray().add(choice));
  }

  private static JsonObject base() {
    return new JsonObject().put("id", "chatcmpl-1").put("object", "chat.completion.chunk").put("created", 1)
        .put("model", "upstream-model");
  }
}
