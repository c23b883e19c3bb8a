package io.ghcapi.translator.anthropic;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/** Error bodies in Anthropic's shape: {@code {"type":"error","error":{"type":...,"message":...}}}. */
public final class AnthropicErrors {

  private AnthropicErrors() {
  }

  /** Anthropic's error type for an HTTP status. */
  public static String typeFor(int status) {
    return switch (status) {
      case 400 -> "invalid_request_error";
      case 401 -> "authentication_error";
      case 402 -> "billing_error";
      case 403 -> "permission_error";
      case 404 -> "not_found_error";
      case 409 -> "conflict_error";
      case 413 -> "request_too_large";
      case 429 -> "rate_limit_error";
      case 504 -> "timeout_error";
      case 503, 529 -> "overloaded_error";
      default -> status >= 400 && status < 500 ? "invalid_request_error" : "api_error";
    };
  }

  public static JsonObject body(int status, String message) {
    return new JsonObject()
        .put("type", "error")
        .put("error", new JsonObject().put("type", typeFor(status)).put("message", message));
  }

  /**
   * The body to send a client for an upstream error answer: an Anthropic error body as it is, an OpenAI
   * {@code {"error":{"message":...}}} rewrapped with its message, anything else with its text as the message.
   */
  public static JsonObject fromUpstream(int status, String upstreamBodyText) {
    String text = upstreamBodyText == null ? "" : upstreamBodyText.strip();
    JsonObject parsed = parseObject(text);
    if (parsed != null) {
      if ("error".equals(parsed.getValue("type")) && parsed.getValue("error") instanceof JsonObject error
          && error.getValue("type") instanceof String && error.getValue("message") instanceof String) {
        return parsed;
      }
      if (parsed.getValue("error") instanceof JsonObject error && error.getValue("message") instanceof String message
          && !message.isBlank()) {
        return body(status, message);
      }
      if (parsed.getValue("message") instanceof String message && !message.isBlank()) {
        return body(status, message);
      }
    }
    return body(status, text.isEmpty() ? "Upstream returned HTTP " + status : text);
  }

  private static JsonObject parseObject(String text) {
    if (!text.startsWith("{")) {
      return null;
    }
    try {
      return new JsonObject(text);
    } catch (DecodeException notJson) {
      return null;
    }
  }
}
