package io.ghcapi.translator.anthropic;

import io.ghcapi.bus.TokenUsage;
import io.vertx.core.json.JsonObject;

/**
 * A Chat Completions {@code usage} object read leniently: counts may be integral floats ({@code 30.0});
 * fractions, booleans and strings count as absent. Cache counts stay null when the upstream did not report them.
 */
record ChatUsage(long promptTokens, long completionTokens, Long cachedTokens, Long cacheWriteTokens) {

  static ChatUsage from(JsonObject usage) {
    if (usage == null) {
      return null;
    }
    JsonObject details = usage.getValue("prompt_tokens_details") instanceof JsonObject d ? d : new JsonObject();
    Long cacheWrite = count(details, "cache_write_tokens");
    if (cacheWrite == null) {
      cacheWrite = count(details, "cache_creation_tokens");
    }
    return new ChatUsage(orZero(count(usage, "prompt_tokens")), orZero(count(usage, "completion_tokens")),
        count(details, "cached_tokens"), cacheWrite);
  }

  /** In the one accounting model: input excludes what was read from or written to the cache. */
  TokenUsage tokenUsage() {
    return TokenUsage.fromOpenAi(promptTokens, completionTokens, orZero(cachedTokens), orZero(cacheWriteTokens));
  }

  /** Anthropic {@code usage}; the cache keys only when the upstream reported them. */
  JsonObject anthropic() {
    TokenUsage tokens = tokenUsage();
    JsonObject usage = new JsonObject()
        .put("input_tokens", tokens.inputTokens())
        .put("output_tokens", tokens.outputTokens());
    if (cacheWriteTokens != null) {
      usage.put("cache_creation_input_tokens", tokens.cacheCreationInputTokens());
    }
    if (cachedTokens != null) {
      usage.put("cache_read_input_tokens", tokens.cacheReadInputTokens());
    }
    return usage;
  }

  /** Anthropic {@code usage} with every key present, as a stream's {@code message_delta} carries it. */
  JsonObject anthropicComplete() {
    TokenUsage tokens = tokenUsage();
    return completeUsage(tokens);
  }

  static JsonObject completeUsage(TokenUsage tokens) {
    return new JsonObject()
        .put("input_tokens", tokens.inputTokens())
        .put("output_tokens", tokens.outputTokens())
        .put("cache_creation_input_tokens", tokens.cacheCreationInputTokens())
        .put("cache_read_input_tokens", tokens.cacheReadInputTokens());
  }

  private static Long count(JsonObject object, String key) {
    Object value = object.getValue(key);
    if (!(value instanceof Number number)) {
      return null;
    }
    Long whole = Fields.wholeNumber(number);
    return whole == null || whole < 0 ? null : whole;
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }
}
