package io.ghcapi.cache.journal;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * One journal line: {@code {"seq":N,"record":{...}}} with the record as the bus carries it (bodies as
 * text). The sequence number tells a replay which records the statistics snapshot already includes. A
 * forwarded body identical to the client's (the common case) is written once, not twice.
 */
public record JournalLine(long seq, JsonObject record) {

  private static final String REQUEST_BODY = "request_body";
  private static final String ORIGINAL_REQUEST_BODY = "original_request_body";
  private static final String SAME_AS_ORIGINAL = "_request_body_same_as_original";

  /** The line's bytes, newline included. */
  public byte[] encode() {
    JsonObject stored = record;
    Object forwarded = record.getValue(REQUEST_BODY);
    if (forwarded instanceof String text && text.equals(record.getValue(ORIGINAL_REQUEST_BODY))) {
      stored = record.copy();
      stored.remove(REQUEST_BODY);
      stored.put(SAME_AS_ORIGINAL, true);
    }
    String json = new JsonObject().put("seq", seq).put("record", stored).encode();
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
    if (Boolean.TRUE.equals(record.remove(SAME_AS_ORIGINAL))) {
      record.put(REQUEST_BODY, record.getValue(ORIGINAL_REQUEST_BODY));
    }
    return new JournalLine(seq.longValue(), record);
  }
}
