package io.ghcapi.gateway.stream;

import io.vertx.core.buffer.Buffer;

/**
 * What a streaming endpoint does with upstream events: turn each into bytes for its client (the same
 * bytes for a pass-through, translated ones for a translation), and say how the stream ends.
 */
public interface SseRelay {

  /** Bytes to send the client for one upstream event; null or empty sends nothing. */
  Buffer onEvent(SseEvent event);

  /** The upstream stream ended; the last bytes for the client (a terminator, or an error if it was cut short). */
  Buffer onUpstreamEnd();

  /** The upstream broke mid-stream; the bytes that tell the client so, in its API's error form. */
  Buffer onUpstreamFailure(Throwable cause);
}
