package io.ghcapi.cache.record;

import io.ghcapi.bus.RequestRecord;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * {@code cache_max_request_size}: a body over the limit is replaced by a visible marker
 * {@code {"_truncated":true,"_size":N,"_reason":"..."}} (as JSON text), and an over-long list of raw stream
 * events by a one-element list holding that marker.
 */
public final class BodyLimit {

  /** The record fields holding bodies as JSON text. */
  public static final List<String> BODY_FIELDS = List.of(
      RequestRecord.ORIGINAL_REQUEST_BODY, RequestRecord.REQUEST_BODY, RequestRecord.RESPONSE_BODY);

  private BodyLimit() {
  }

  /** Truncates, in place, whatever in {@code record} is over {@code limitBytes}; 0 means no limit. */
  public static void apply(JsonObject record, long limitBytes) {
    if (limitBytes <= 0) {
      return;
    }
    for (String field : BODY_FIELDS) {
      if (record.getValue(field) instanceof String text && Utf8.longerThan(text, limitBytes)) {
        record.put(field, marker(Utf8.length(text), limitBytes));
      }
    }
    if (record.getValue(RequestRecord.RAW_EVENTS) instanceof JsonArray events) {
      long total = 0;
      for (Object event : events) {
        if (event instanceof String text) {
          total += Utf8.length(text);
        }
      }
      if (total > limitBytes) {
        record.put(RequestRecord.RAW_EVENTS, new JsonArray().add(marker(total, limitBytes)));
      }
    }
  }

  public static String marker(long sizeBytes, long limitBytes) {
    return new JsonObject().put("_truncated", true).put("_size", sizeBytes)
        .put("_reason", "body exceeded cache_max_request_size (" + limitBytes + " bytes)").encode();
  }
}
