package io.ghcapi.gateway.anthropic;

import io.ghcapi.bus.TokenUsage;
import io.vertx.core.json.JsonObject;

/** Anthropic usage is already in the common accounting model: input tokens exclude cached ones. */
final class AnthropicUsage {

  private AnthropicUsage() {
  }

  static TokenUsage from(JsonObject usage) {
    if (usage == null) {
      return TokenUsage.NONE;
    }
    return new TokenUsage(number(usage, "input_tokens"), number(usage, "output_tokens"),
        number(usage, "cache_creation_input_tokens"), number(usage, "cache_read_input_tokens"));
  }

  /** Later usage (a message_delta's) overrides earlier counts it carries; absent fields keep theirs. */
  static TokenUsage merge(TokenUsage earlier, JsonObject later) {
    return new TokenUsage(
        later.containsKey("input_tokens") ? number(later, "input_tokens") : earlier.inputTokens(),
        later.containsKey("output_tokens") ? number(later, "output_tokens") : earlier.outputTokens(),
        later.containsKey("cache_creation_input_tokens") ? number(later, "cache_creation_input_tokens")
            : earlier.cacheCreationInputTokens(),
        later.containsKey("cache_read_input_tokens") ? number(later, "cache_read_input_tokens")
            : earlier.cacheReadInputTokens());
  }

  private static long number(JsonObject json, String key) {
    return json.getValue(key) instanceof Number n ? n.longValue() : 0;
  }
}
