package io.ghcapi.gateway.stream;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Splits a byte stream into server-sent events as chunks arrive, whatever the chunk boundaries. Accepts
 * {@code \n} and {@code \r\n} line ends; comment lines ({@code :...}) are skipped. An event larger than
 * {@code maxEventBytes} is an error, so a broken upstream cannot grow the buffer without end.
 */
public final class SseEventParser {

  private final Consumer<SseEvent> sink;
  private final int maxEventBytes;
  private Buffer pending = Buffer.buffer();

  public SseEventParser(int maxEventBytes, Consumer<SseEvent> sink) {
    this.maxEventBytes = maxEventBytes;
    this.sink = sink;
  }

  public void feed(Buffer chunk) {
    Buffer data = pending.length() == 0 ? chunk : pending.appendBuffer(chunk);
    int eventStart = 0;
    int lineStart = 0;
    int length = data.length();
    for (int i = 0; i < length; i++) {
      if (data.getByte(i) != '\n') {
        continue;
      }
      int lineEnd = i > lineStart && data.getByte(i - 1) == '\r' ? i - 1 : i;
      if (lineEnd == lineStart) {
        if (lineStart > eventStart) {
          emit(data, eventStart, lineStart, i + 1);
        }
        eventStart = i + 1;
      }
      lineStart = i + 1;
    }
    int rest = length - eventStart;
    if (rest > maxEventBytes) {
      throw new IllegalStateException("upstream event larger than " + maxEventBytes + " bytes");
    }
    pending = rest == 0 ? Buffer.buffer() : data.getBuffer(eventStart, length);
  }

  /** Bytes received that do not yet form a whole event (an upstream that ended mid-event left these). */
  public int pendingBytes() {
    return pending.length();
  }

  /** Delivers a final event that was not followed by a blank line, as some servers end their streams. */
  public void finish() {
    if (pending.length() > 0) {
      Buffer rest = pending.copy();
      pending = Buffer.buffer();
      feed(rest.appendString("\n\n"));
    }
  }

  private void emit(Buffer data, int start, int linesEnd, int blockEnd) {
    if (blockEnd - start > maxEventBytes) {
      throw new IllegalStateException("upstream event larger than " + maxEventBytes + " bytes");
    }
    String event = null;
    StringBuilder payload = null;
    int lineStart = start;
    for (int i = start; i < linesEnd; i++) {
      if (data.getByte(i) != '\n') {
        continue;
      }
      int lineEnd = i > lineStart && data.getByte(i - 1) == '\r' ? i - 1 : i;
      String line = data.getString(lineStart, lineEnd, StandardCharsets.UTF_8.name());
      lineStart = i + 1;
      if (line.startsWith(":")) {
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      if (field.equals("data")) {
        payload = payload == null ? new StringBuilder(value) : payload.append('\n').append(value);
      } else if (field.equals("event")) {
        event = value;
      }
    }
    if (payload == null && event == null) {
      return;
    }
    sink.accept(new SseEvent(event, payload == null ? "" : payload.toString(), data.getBuffer(start, blockEnd)));
  }
}
