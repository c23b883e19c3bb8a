package io.ghcapi.gateway.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * OpenAI Responses clients: errors before a stream are OpenAI-shaped; inside a stream they are a
 * {@code response.failed} event, which Codex reads (a bare {@code error} event would end its stream
 * "before response.completed" and make it retry blindly).
 */
public final class ResponsesErrorShape implements ErrorShape {

  ResponsesErrorShape() {
  }

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
    JsonObject error = new JsonObject(errorBody).getJsonObject("error", new JsonObject());
    return failedEvent(0, "resp_" + UUID.randomUUID().toString().replace("-", ""),
        codeFor(status, error.getString("code")), error.getString("message", "Upstream request failed"));
  }

  /** A {@code response.failed} event carrying a minimal failed response. */
  public static Buffer failedEvent(long sequenceNumber, String responseId, String code, String message) {
    JsonObject response = new JsonObject().put("id", responseId).put("object", "response")
        .put("created_at", System.currentTimeMillis() / 1000).put("status", "failed")
        .put("error", new JsonObject().put("code", code).put("message", message))
        .putNull("incomplete_details").put("output", new JsonArray());
    JsonObject event = new JsonObject().put("type", "response.failed").put("sequence_number", sequenceNumber)
        .put("response", response);
    return Buffer.buffer("event: response.failed\ndata: ").appendBuffer(event.toBuffer()).appendString("\n\n");
  }

  private static String codeFor(int status, String code) {
    if (code != null && !code.isBlank()) {
      return code;
    }
    return status == 429 ? "rate_limit_exceeded" : "server_error";
  }
}
