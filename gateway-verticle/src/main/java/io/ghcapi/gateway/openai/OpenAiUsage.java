package io.ghcapi.gateway.openai;

import io.ghcapi.bus.TokenUsage;
import io.vertx.core.json.JsonObject;

/** Reads OpenAI {@code usage} objects (Chat Completions and Embeddings) into the common accounting. */
public final class OpenAiUsage {

  private OpenAiUsage() {
  }

  public static TokenUsage fromResponse(JsonObject response) {
    Object usage = response.getValue("usage");
    return usage instanceof JsonObject u ? fromUsage(u) : TokenUsage.NONE;
  }

  public static TokenUsage fromUsage(JsonObject usage) {
    JsonObject details = usage.getValue("prompt_tokens_details") instanceof JsonObject d ? d : new JsonObject();
    return TokenUsage.fromOpenAi(
        number(usage, "prompt_tokens"),
        number(usage, "completion_tokens"),
        number(details, "cached_tokens"),
        number(details, "cache_write_tokens"));
  }

  private static long number(JsonObject json, String key) {
    return json.getValue(key) instanceof Number n ? n.longValue() : 0;
  }
}
