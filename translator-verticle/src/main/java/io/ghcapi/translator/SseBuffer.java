package io.ghcapi.translator;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * Collects server-sent-event frames produced while one upstream event is translated; the caller
 * {@link #drain()}s them and writes them to the client. Not thread-safe; one per stream.
 */
public final class SseBuffer {

  private static final byte[] EVENT = "event: ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] DATA = "data: ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private Buffer pending = Buffer.buffer(256);

  /** {@code event: <name>\ndata: <json>\n\n}: Anthropic and Responses framing. */
  public SseBuffer event(String name, JsonObject data) {
    pending.appendBytes(EVENT).appendString(name).appendByte((byte) '\n')
        .appendBytes(DATA).appendBuffer(data.toBuffer()).appendString("\n\n");
    return this;
  }

  /** {@code data: <json>\n\n}: Chat Completions framing. */
  public SseBuffer data(JsonObject data) {
    pending.appendBytes(DATA).appendBuffer(data.toBuffer()).appendString("\n\n");
    return this;
  }

  /** {@code data: <text>\n\n}, e.g. {@code [DONE]}. */
  public SseBuffer data(String text) {
    pending.appendBytes(DATA).appendString(text).appendString("\n\n");
    return this;
  }

  public boolean isEmpty() {
    return pending.length() == 0;
  }

  /** The frames collected since the last drain (possibly empty); the buffer starts afresh. */
  public Buffer drain() {
    Buffer out = pending;
    pending = Buffer.buffer(256);
    return out;
  }
}
