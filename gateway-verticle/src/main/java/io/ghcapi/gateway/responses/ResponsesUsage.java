package io.ghcapi.gateway.responses;

import io.ghcapi.bus.TokenUsage;
import io.vertx.core.json.JsonObject;

/** Reads Responses API usage, whose {@code input_tokens} include cached ones, into the common accounting. */
public final class ResponsesUsage {

  private ResponsesUsage() {
  }

  public static TokenUsage from(JsonObject usage) {
    if (usage == null) {
      return TokenUsage.NONE;
    }
    JsonObject details = usage.getValue("input_tokens_details") instanceof JsonObject d ? d : new JsonObject();
    return TokenUsage.fromOpenAi(number(usage, "input_tokens"), number(usage, "output_tokens"),
        number(details, "cached_tokens"), number(details, "cache_write_tokens"));
  }

  /** From a whole response object ({@code usage} inside it). */
  public static TokenUsage fromResponse(JsonObject response) {
    return from(response.getValue("usage") instanceof JsonObject u ? u : null);
  }

  private static long number(JsonObject json, String key) {
    return json.getValue(key) instanceof Number n ? n.longValue() : 0;
  }
}
