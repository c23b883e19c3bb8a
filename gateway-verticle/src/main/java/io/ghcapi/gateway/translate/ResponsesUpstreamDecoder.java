package io.ghcapi.gateway.translate;

import io.ghcapi.gateway.stream.SseEvent;
import io.ghcapi.translator.StreamError;
import io.ghcapi.translator.chat.ChatChunkSink;
import io.ghcapi.translator.responses.ResponsesToChatStream;
import io.vertx.core.json.JsonObject;

/** Copilot's Responses stream into the hub, through the translator's Responses → Chat state machine. */
final class ResponsesUpstreamDecoder implements UpstreamDecoder {

  private final ResponsesToChatStream translator;
  private final ChatChunkSink sink;
  private boolean failed;

  ResponsesUpstreamDecoder(ChatChunkSink sink, String requestedModel) {
    this.sink = sink;
    this.translator = new ResponsesToChatStream(sink, requestedModel);
  }

  @Override
  public void onEvent(SseEvent event) {
    if (failed || event.isDone()) {
      return;
    }
    JsonObject data;
    try {
      data = new JsonObject(event.data());
    } catch (RuntimeException e) {
      failed = true;
      sink.error(new StreamError(502, "upstream_malformed_event", "Copilot sent an event that is not JSON"));
      return;
    }
    translator.onEvent(event.event() != null ? event.event() : data.getString("type", ""), data);
  }

  @Override
  public void onEnd() {
    if (!failed) {
      translator.onEnd();
    }
  }
}
