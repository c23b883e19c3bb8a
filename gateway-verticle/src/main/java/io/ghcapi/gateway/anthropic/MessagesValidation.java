package io.ghcapi.gateway.anthropic;

import io.ghcapi.gateway.exchange.ClientEndpoint;
import io.ghcapi.gateway.http.ApiError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The checks Anthropic's API makes at its edge, so bad requests are refused clearly before any upstream call. */
final class MessagesValidation {

  private MessagesValidation() {
  }

  /** The error to answer with, or null when the request is acceptable. */
  static ApiError check(JsonObject body) {
    if (!(body.getValue("model") instanceof String model) || model.isBlank()) {
      return ClientEndpoint.invalid("missing_model", "model: Field required (a non-empty string).", "model");
    }
    if (!(body.getValue("max_tokens") instanceof Number maxTokens) || maxTokens.doubleValue() != Math.rint(maxTokens.doubleValue())
        || maxTokens.longValue() < 1) {
      return ClientEndpoint.invalid("invalid_max_tokens", "max_tokens: Field required (a whole number of at least 1).",
          "max_tokens");
    }
    if (!(body.getValue("messages") instanceof JsonArray messages)) {
      return ClientEndpoint.invalid("invalid_messages", "messages: Field required (an array of messages).", "messages");
    }
    for (int i = 0; i < messages.size(); i++) {
      if (!(messages.getValue(i) instanceof JsonObject message) || !(message.getValue("role") instanceof String)) {
        return ClientEndpoint.invalid("invalid_messages", "messages." + i + ": each message needs a role and content.",
            "messages");
      }
      Object content = message.getValue("content");
      if (!(content instanceof String) && !(content instanceof JsonArray)) {
        return ClientEndpoint.invalid("invalid_messages",
            "messages." + i + ".content: must be a string or an array of content blocks.", "messages");
      }
    }
    Object stream = body.getValue("stream");
    if (stream != null && !(stream instanceof Boolean)) {
      return ClientEndpoint.invalid("invalid_stream", "stream: must be true or false.", "stream");
    }
    for (String number : new String[] {"temperature", "top_p", "top_k"}) {
      Object value = body.getValue(number);
      if (value != null && !(value instanceof Number)) {
        return ClientEndpoint.invalid("invalid_" + number, number + ": must be a number.", number);
      }
    }
    return null;
  }
}
