package io.ghcapi.gateway.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/** Errors in the OpenAI shape: {@code {"error":{"message","type","param","code"}}}. */
public final class OpenAiErrors {

  private OpenAiErrors() {
  }

  public static JsonObject body(ApiError error) {
    return new JsonObject().put("error", new JsonObject()
        .put("message", error.message())
        .put("type", error.type())
        .put("param", error.param())
        .put("code", error.code()));
  }

  /** Ends the response with the error, unless the response was already sent. */
  public static void send(HttpServerResponse response, ApiError error) {
    if (response.headWritten() || response.closed()) {
      return;
    }
    response.setStatusCode(error.status()).putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
    if (error.retryAfter() != null) {
      response.putHeader("retry-after", error.retryAfter());
    }
    response.end(body(error).toBuffer());
  }

  /**
   * Copilot's error body, made a proper OpenAI error: kept when it already is one (filling a missing
   * {@code type}), wrapped otherwise, with the upstream text as the message.
   */
  public static Buffer fromUpstream(int status, Buffer upstreamBody) {
    String text = upstreamBody == null ? "" : upstreamBody.toString();
    try {
      JsonObject json = new JsonObject(text);
      Object error = json.getValue("error");
      if (error instanceof JsonObject errorObject && errorObject.getValue("message") instanceof String) {
        if (errorObject.getString("type") == null) {
          errorObject.put("type", ApiError.typeFor(status));
        }
        return json.toBuffer();
      }
      String message = json.getValue("message") instanceof String m ? m
          : error instanceof String e ? e : text;
      return body(ApiError.of(status, "upstream_error", message)).toBuffer();
    } catch (DecodeException | ClassCastException e) {
      String message = text.isBlank() ? "Copilot answered HTTP " + status + " with no body" : text;
      return body(ApiError.of(status, "upstream_error", message)).toBuffer();
    }
  }
}
