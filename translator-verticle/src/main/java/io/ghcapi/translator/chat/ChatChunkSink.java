package io.ghcapi.translator.chat;

import io.ghcapi.translator.StreamError;
import io.vertx.core.json.JsonObject;

/**
 * Receives a Chat Completions stream chunk by chunk. Chat chunks are the hub every streamed translation
 * goes through: an upstream decoder (Chat SSE, Responses SSE) pushes chunks in, a client encoder (Chat,
 * Anthropic, Responses SSE) turns them into its own events. Calls arrive in order on one thread.
 */
public interface ChatChunkSink {

  /** One {@code chat.completion.chunk}; {@code choices} may be empty (a usage-only chunk). */
  void chunk(JsonObject chunk);

  /** The stream ended normally. Called at most once, and nothing follows it. */
  void done();

  /** The stream failed; the sink tells its client in its own API's error form. Nothing follows it. */
  void error(StreamError error);

  /** Both sinks get every call, {@code first} before {@code second}. */
  static ChatChunkSink tee(ChatChunkSink first, ChatChunkSink second) {
    return new ChatChunkSink() {
      @Override
      public void chunk(JsonObject chunk) {
        first.chunk(chunk);
        second.chunk(chunk);
      }

      @Override
      public void done() {
        first.done();
        second.done();
      }

      @Override
      public void error(StreamError error) {
        first.error(error);
        second.error(error);
      }
    };
  }
}
