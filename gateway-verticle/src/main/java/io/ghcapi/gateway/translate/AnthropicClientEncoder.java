package io.ghcapi.gateway.translate;

import io.ghcapi.bus.TokenUsage;
import io.ghcapi.translator.StreamError;
import io.ghcapi.translator.anthropic.ChatToAnthropicStream;
import io.vertx.core.json.JsonObject;

/** Anthropic clients over a translated upstream: the translator's Chat → Anthropic stream machine. */
final class AnthropicClientEncoder implements ClientEncoder {

  private final ChatToAnthropicStream stream;

  AnthropicClientEncoder(ChatToAnthropicStream stream) {
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
    return stream.message();
  }
}
