package io.ghcapi.cache.journal;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * One journal line: {@code {"seq":N,"record":{...}}} with the record as the bus carries it (bodies as
 * text). The sequence number tells a replay which records the statistics snapshot already includes.
 */
public record JournalLine(long seq, JsonObject record) {

  /** The line's bytes, newline included. */
  public byte[] encode() {
    String json = new JsonObject().put("seq", seq).put("record", record).encode();
    return (json + '\n').getBytes(StandardCharsets.UTF_8);
  }

  /** Throws {@link IllegalArgumentException} when the bytes are not a journal line (a torn write, say). */
  public static JournalLine decode(byte[] bytes, int length) {
    JsonObject json;
    try {
      json = new JsonObject(new String(bytes, 0, length, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a JSON object", e);
    }
    if (!(json.getValue("seq") instanceof Number seq) || !(json.getValue("record") instanceof JsonObject record)
        || !(record.getValue("id") instanceof String)) {
      throw new IllegalArgumentException("not a journal line");
    }
    return new JournalLine(seq.longValue(), record);
  }
}
