package io.ghcapi.gateway.stream;

import io.vertx.core.buffer.Buffer;

/**
 * One server-sent event: its {@code event:} name (null when absent), its {@code data:} lines joined by
 * newlines, and the raw bytes of the whole block (blank line included) for byte-exact pass-through.
 */
public record SseEvent(String event, String data, Buffer raw) {

  public boolean isDone() {
    return "[DONE]".equals(data);
  }
}
