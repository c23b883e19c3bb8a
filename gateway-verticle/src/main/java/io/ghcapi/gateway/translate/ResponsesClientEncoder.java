package io.ghcapi.gateway.translate;

import io.ghcapi.bus.TokenUsage;
import io.ghcapi.translator.StreamError;
import io.ghcapi.translator.responses.ChatToResponsesStream;
import io.vertx.core.json.JsonObject;

/** Responses clients (Codex) over a translated upstream: the translator's Chat → Responses stream machine. */
final class ResponsesClientEncoder implements ClientEncoder {

  private final ChatToResponsesStream stream;

  ResponsesClientEncoder(ChatToResponsesStream stream) {
    this.stream = stream;
  }

  @Override
  public void chunk(JsonObject chunk) {
    stream.chunk(chunk);
  }

  @Override
  public void done() {
    stream.done();
  }

  @Override
  public void error(StreamError error) {
    stream.error(error);
  }

  @Override
  public TokenUsage usage() {
    return stream.usage();
  }

  @Override
  public JsonObject answer() {
    return stream.response();
  }
}
