package io.ghcapi.gateway.anthropic;

import io.ghcapi.bus.RequestRecord;
import io.ghcapi.bus.TokenUsage;
import io.ghcapi.gateway.exchange.ExchangeRecorder;
import io.ghcapi.gateway.exchange.RawEventLog;
import io.ghcapi.gateway.http.ApiError;
import io.ghcapi.gateway.http.ErrorShape;
import io.ghcapi.gateway.stream.RecordingRelay;
import io.ghcapi.gateway.stream.SseEvent;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * Relays Copilot's own Anthropic stream byte for byte. Events without an {@code event:} line are framed
 * with their {@code type} (Anthropic SDKs ignore data-only events), {@code [DONE]} is dropped, usage is read
 * from {@code message_start} and {@code message_delta}, and a stream that ends without
 * {@code message_stop} gets an {@code error} event instead of a silent cut.
 */
final class NativeMessagesRelay implements RecordingRelay {

  private final RawEventLog events;
  /** The client's model name, put back into message_start when mapping changed it; null to keep Copilot's. */
  private final String requestedModel;
  private TokenUsage usage = TokenUsage.NONE;
  private boolean stopped;
  private String failure;

  NativeMessagesRelay(long maxRecordedBytes, String requestedModel) {
    this.events = new RawEventLog(maxRecordedBytes);
    this.requestedModel = requestedModel;
  }

  @Override
  public Buffer onEvent(SseEvent event) {
    if (event.isDone() || stopped) {
      return null;
    }
    String type = event.event() != null ? event.event() : typeOf(event.data());
    events.add(event.data());
    if ("message_start".equals(type)) {
      return onMessageStart(event);
    }
    switch (type == null ? "" : type) {
      case "message_delta" -> readDeltaUsage(event.data());
      case "message_stop" -> stopped = true;
      case "error" -> failure = "Copilot sent an error mid-stream: " + event.data();
      default -> { }
    }
    if (event.event() != null || type == null) {
      return event.raw();
    }
    return Buffer.buffer("event: " + type + "\ndata: " + event.data() + "\n\n");
  }

  @Override
  public Buffer onUpstreamEnd() {
    if (stopped || failure != null) {
      return null;
    }
    failure = "Copilot ended the stream before message_stop";
    return ErrorShape.ANTHROPIC.streamFrame(ApiError.of(502, "upstream_stream_incomplete", failure));
  }

  @Override
  public Buffer onUpstreamFailure(Throwable cause) {
    failure = "Copilot connection lost mid-stream: " + cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
    return ErrorShape.ANTHROPIC.streamFrame(ApiError.of(502, "upstream_connection_error", failure));
  }

  @Override
  public String failure() {
    return failure;
  }

  @Override
  public void record(RequestRecord record, ExchangeRecorder recorder) {
    record.tokens(usage).rawEvents(events.events());
  }

  private Buffer onMessageStart(SseEvent event) {
    JsonObject json = parse(event.data());
    if (json == null || !(json.getValue("message") instanceof JsonObject message)) {
      return event.raw();
    }
    if (message.getValue("usage") instanceof JsonObject start) {
      usage = AnthropicUsage.from(start);
    }
    if (requestedModel == null) {
      return event.raw();
    }
    message.put("model", requestedModel);
    return Buffer.buffer("event: message_start\ndata: ").appendBuffer(json.toBuffer()).appendString("\n\n");
  }

  private void readDeltaUsage(String data) {
    JsonObject json = parse(data);
    if (json != null && json.getValue("usage") instanceof JsonObject delta) {
      usage = AnthropicUsage.merge(usage, delta);
    }
  }

  private static String typeOf(String data) {
    JsonObject json = parse(data);
    return json == null ? null : json.getString("type");
  }

  private static JsonObject parse(String data) {
    try {
      return new JsonObject(data);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
