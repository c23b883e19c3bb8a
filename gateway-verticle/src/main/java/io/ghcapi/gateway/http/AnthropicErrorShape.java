package io.ghcapi.gateway.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/** Anthropic's error shape: {@code {"type":"error","error":{"type","message"}}}, with Anthropic's error types. */
final class AnthropicErrorShape implements ErrorShape {

  @Override
  public JsonObject body(ApiError error) {
    return new JsonObject().put("type", "error")
        .put("error", new JsonObject().put("type", typeFor(error.status())).put("message", error.message()));
  }

  @Override
  public Buffer fromUpstream(int status, Buffer upstreamBody) {
    String text = upstreamBody == null ? "" : upstreamBody.toString();
    try {
      JsonObject json = new JsonObject(text);
      if ("error".equals(json.getValue("type")) && json.getValue("error") instanceof JsonObject) {
        return json.toBuffer();
      }
      if (json.getValue("error") instanceof JsonObject error && error.getValue("message") instanceof String message) {
        return body(ApiError.of(status, "upstream_error", message)).toBuffer();
      }
      if (json.getValue("message") instanceof String message) {
        return body(ApiError.of(status, "upstream_error", message)).toBuffer();
      }
    } catch (DecodeException | ClassCastException e) {
      // not JSON: the text is the message
    }
    String message = text.isBlank() ? "Copilot answered HTTP " + status + " with no body" : text;
    return body(ApiError.of(status, "upstream_error", message)).toBuffer();
  }

  @Override
  public Buffer streamFrame(int status, Buffer errorBody) {
    return Buffer.buffer("event: error\ndata: ").appendBuffer(errorBody).appendString("\n\n");
  }

  /** Anthropic's error type for an HTTP status (its API reference, "Errors"). */
  static String typeFor(int status) {
    return switch (status) {
      case 401 -> "authentication_error";
      case 402 -> "billing_error";
      case 403 -> "permission_error";
      case 404 -> "not_found_error";
      case 409 -> "conflict_error";
      case 413 -> "request_too_large";
      case 429 -> "rate_limit_error";
      case 503, 529 -> "overloaded_error";
      case 504 -> "timeout_error";
      default -> status >= 500 ? "api_error" : "invalid_request_error";
    };
  }
}
