package io.ghcapi.gateway.translate;

import io.ghcapi.gateway.stream.SseEvent;
import io.ghcapi.translator.StreamError;
import io.ghcapi.translator.chat.ChatChunkSink;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Copilot's Chat Completions stream into the hub: each {@code data:} chunk as is, {@code [DONE]} as the end. */
final class ChatUpstreamDecoder implements UpstreamDecoder {

  private final ChatChunkSink sink;
  private boolean ended;
  private boolean finished;

  ChatUpstreamDecoder(ChatChunkSink sink) {
    this.sink = sink;
  }

  @Override
  public void onEvent(SseEvent event) {
    if (ended) {
      return;
    }
    if (event.isDone()) {
      ended = true;
      sink.done();
      return;
    }
    JsonObject chunk;
    try {
      chunk = new JsonObject(event.data());
    } catch (RuntimeException e) {
      return;
    }
    if (chunk.getValue("error") instanceof JsonObject error) {
      ended = true;
      sink.error(new StreamError(502, error.getString("code"), error.getString("message", error.encode())));
      return;
    }
    finished |= hasFinishReason(chunk);
    sink.chunk(chunk);
  }

  private static boolean hasFinishReason(JsonObject chunk) {
    if (chunk.getValue("choices") instanceof JsonArray choices) {
      for (Object choice : choices) {
        if (choice instanceof JsonObject c && c.getValue("finish_reason") != null) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public void onEnd() {
    if (ended) {
      return;
    }
    ended = true;
    if (finished) {
      sink.done();
    } else {
      sink.error(new StreamError(502, "upstream_stream_incomplete", "Copilot ended the stream before it finished"));
    }
  }
}
