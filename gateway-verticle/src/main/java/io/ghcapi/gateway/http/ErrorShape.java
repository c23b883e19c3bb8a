package io.ghcapi.gateway.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** How one client API shapes its errors: OpenAI's {@code {"error":{...}}} or Anthropic's {@code {"type":"error",...}}. */
public interface ErrorShape {

  ErrorShape OPENAI = new ErrorShape() {
    @Override
    public JsonObject body(ApiError error) {
      return OpenAiErrors.body(error);
    }

    @Override
    public Buffer fromUpstream(int status, Buffer upstreamBody) {
      return OpenAiErrors.fromUpstream(status, upstreamBody);
    }

    @Override
    public Buffer streamFrame(int status, Buffer errorBody) {
      return Buffer.buffer("data: ").appendBuffer(errorBody).appendString("\n\n");
    }
  };

  ErrorShape ANTHROPIC = new AnthropicErrorShape();

  ErrorShape RESPONSES = new ResponsesErrorShape();

  JsonObject body(ApiError error);

  /** Copilot's error body, in this shape, keeping its message. */
  Buffer fromUpstream(int status, Buffer upstreamBody);

  /** An error body of this shape as an event inside a stream that already started. */
  Buffer streamFrame(int status, Buffer errorBody);

  default Buffer streamFrame(ApiError error) {
    return streamFrame(error.status(), body(error).toBuffer());
  }

  /** Ends the response with the error, unless it was already sent. */
  default void send(HttpServerResponse response, ApiError error) {
    if (response.headWritten() || response.closed()) {
      return;
    }
    response.setStatusCode(error.status()).putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
    if (error.retryAfter() != null) {
      response.putHeader("retry-after", error.retryAfter());
    }
    response.end(body(error).toBuffer());
  }

  /** Anthropic clients call {@code /v1/messages...}; everything else is OpenAI-shaped. */
  static ErrorShape forPath(String path) {
    if (path == null) {
      return OPENAI;
    }
    if (path.startsWith("/v1/messages")) {
      return ANTHROPIC;
    }
    return path.startsWith("/v1/responses") || path.startsWith("/responses") ? RESPONSES : OPENAI;
  }
}
