package io.ghcapi.gateway.responses;

import io.ghcapi.bus.RequestRecord;
import io.ghcapi.bus.TokenUsage;
import io.ghcapi.gateway.exchange.ExchangeRecorder;
import io.ghcapi.gateway.exchange.RawEventLog;
import io.ghcapi.gateway.http.ResponsesErrorShape;
import io.ghcapi.gateway.stream.RecordingRelay;
import io.ghcapi.gateway.stream.SseEvent;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * Relays Copilot's own Responses stream byte for byte (Codex parses it as is), reading usage from the
 * terminal event on the side. A stream that ends without a terminal event, or breaks, ends with a
 * {@code response.failed} event, so Codex reports the failure instead of "stream closed before
 * response.completed".
 */
final class NativeResponsesRelay implements RecordingRelay {

  private static final Set<String> TERMINAL = Set.of("response.completed", "response.incomplete", "response.failed");

  private final RawEventLog events;
  private TokenUsage usage = TokenUsage.NONE;
  private String responseId = "resp_unknown";
  private long lastSequence = -1;
  private boolean terminated;
  private String failure;

  NativeResponsesRelay(long maxRecordedBytes) {
    this.events = new RawEventLog(maxRecordedBytes);
  }

  @Override
  public Buffer onEvent(SseEvent event) {
    if (event.isDone() || terminated) {
      return event.isDone() ? event.raw() : null;
    }
    events.add(event.data());
    String type = event.event();
    if (type == null || TERMINAL.contains(type) || "response.created".equals(type) || "error".equals(type)) {
      JsonObject data = parse(event.data());
      if (data != null) {
        track(type != null ? type : data.getString("type", ""), data);
      }
    } else {
      lastSequence++;
    }
    return event.raw();
  }

  private void track(String type, JsonObject data) {
    if (data.getValue("sequence_number") instanceof Number n) {
      lastSequence = n.longValue();
    }
    JsonObject response = data.getValue("response") instanceof JsonObject r ? r : null;
    if (response != null && response.getValue("id") instanceof String id) {
      responseId = id;
    }
    switch (type) {
      case "response.completed", "response.incomplete" -> {
        terminated = true;
        usage = ResponsesUsage.fromResponse(response == null ? new JsonObject() : response);
      }
      case "response.failed" -> {
        terminated = true;
        JsonObject error = response == null ? null : response.getJsonObject("error");
        failure = "Copilot reported the response failed: " + (error == null ? "no details" : error.encode());
      }
      case "error" -> failure = "Copilot sent an error event: " + data.encode();
      default -> { }
    }
  }

  @Override
  public Buffer onUpstreamEnd() {
    if (terminated || failure != null) {
      return null;
    }
    failure = "Copilot ended the stream before response.completed";
    return ResponsesErrorShape.failedEvent(lastSequence + 1, responseId, "upstream_stream_incomplete", failure);
  }

  @Override
  public Buffer onUpstreamFailure(Throwable cause) {
    failure = "Copilot connection lost mid-stream: " + cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
    return ResponsesErrorShape.failedEvent(lastSequence + 1, responseId, "upstream_connection_error", failure);
  }

  @Override
  public String failure() {
    return failure;
  }

  @Override
  public void record(RequestRecord record, ExchangeRecorder recorder) {
    record.tokens(usage).rawEvents(events.events());
  }

  private static JsonObject parse(String data) {
    try {
      return new JsonObject(data);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
