package io.ghcapi.gateway.exchange;

import io.vertx.core.json.JsonArray;

/**
 * The {@code data:} payloads of a relayed stream, kept for the history up to a byte budget; past it, a
 * last entry says how much was left out.
 */
public final class RawEventLog {

  private final long maxBytes;
  private final JsonArray events = new JsonArray();
  private long keptBytes;
  private long droppedBytes;

  public RawEventLog(long maxBytes) {
    this.maxBytes = maxBytes <= 0 ? Long.MAX_VALUE : maxBytes;
  }

  public void add(String data) {
    if (droppedBytes == 0 && keptBytes + data.length() <= maxBytes) {
      keptBytes += data.length();
      events.add(data);
    } else {
      droppedBytes += data.length();
    }
  }

  public JsonArray events() {
    JsonArray out = events.copy();
    if (droppedBytes > 0) {
      out.add("{\"_truncated\":true,\"_dropped_bytes\":" + droppedBytes + "}");
    }
    return out;
  }
}
