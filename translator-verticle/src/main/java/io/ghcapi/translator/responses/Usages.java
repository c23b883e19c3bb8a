package io.ghcapi.translator.responses;

import io.ghcapi.bus.TokenUsage;
import io.vertx.core.json.JsonObject;

/**
 * Token usage between Chat and Responses. Both count cached tokens inside the input total
 * ({@code prompt_tokens} / {@code input_tokens}), so the numbers map one to one.
 */
final class Usages {

  private Usages() {
  }

  /** Responses usage from Chat usage; zeros when {@code chatUsage} is {@code null}. */
  static JsonObject chatToResponses(JsonObject chatUsage) {
    long input = JsonValues.count(chatUsage, "prompt_tokens");
    long output = JsonValues.count(chatUsage, "completion_tokens");
    JsonObject promptDetails = JsonValues.object(chatUsage, "prompt_tokens_details");
    JsonObject completionDetails = JsonValues.object(chatUsage, "completion_tokens_details");
    long total = JsonValues.isNumber(chatUsage, "total_tokens") ? JsonValues.count(chatUsage, "total_tokens") : input + output;
    return new JsonObject()
        .put("input_tokens", input)
        .put("input_tokens_details", new JsonObject()
            .put("cached_tokens", JsonValues.count(promptDetails, "cached_tokens"))
            .put("cache_write_tokens", JsonValues.count(promptDetails, "cache_write_tokens")))
        .put("output_tokens", output)
        .put("output_tokens_details", new JsonObject()
            .put("reasoning_tokens", JsonValues.count(completionDetails, "reasoning_tokens")))
        .put("total_tokens", total);
  }

  /** Chat usage from Responses usage; zeros when {@code responsesUsage} is {@code null}. */
  static JsonObject responsesToChat(JsonObject responsesUsage) {
    long prompt = JsonValues.count(responsesUsage, "input_tokens");
    long completion = JsonValues.count(responsesUsage, "output_tokens");
    JsonObject inputDetails = JsonValues.object(responsesUsage, "input_tokens_details");
    JsonObject outputDetails = JsonValues.object(responsesUsage, "output_tokens_details");
    JsonObject promptDetails = new JsonObject().put("cached_tokens", JsonValues.count(inputDetails, "cached_tokens"));
    long cacheWrite = JsonValues.count(inputDetails, "cache_write_tokens");
    if (cacheWrite > 0) {
      promptDetails.put("cache_write_tokens", cacheWrite);
    }
    long total = JsonValues.isNumber(responsesUsage, "total_tokens")
        ? JsonValues.count(responsesUsage, "total_tokens") : prompt + completion;
    return new JsonObject()
        .put("prompt_tokens", prompt)
        .put("completion_tokens", completion)
        .put("total_tokens", total)
        .put("prompt_tokens_details", promptDetails)
        .put("completion_tokens_details", new JsonObject()
            .put("reasoning_tokens", JsonValues.count(outputDetails, "reasoning_tokens")));
  }

  /** The gateway's accounting model (input excludes cached) from Chat usage. */
  static TokenUsage tokenUsage(JsonObject chatUsage) {
    if (chatUsage == null) {
      return TokenUsage.NONE;
    }
    JsonObject promptDetails = JsonValues.object(chatUsage, "prompt_tokens_details");
    return TokenUsage.fromOpenAi(JsonValues.count(chatUsage, "prompt_tokens"), JsonValues.count(chatUsage, "completion_tokens"),
        JsonValues.count(promptDetails, "cached_tokens"), JsonValues.count(promptDetails, "cache_write_tokens"));
  }
}
