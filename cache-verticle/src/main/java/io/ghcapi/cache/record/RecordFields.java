package io.ghcapi.cache.record;

import io.ghcapi.bus.RequestRecord;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Tolerant reads of record and summary fields: imported files may carry numbers as strings or
 * leave fields out, and nothing downstream should fail on that.
 */
public final class RecordFields {

  private RecordFields() {
  }

  public static long longOf(JsonObject json, String key) {
    Object value = json.getValue(key);
    if (value instanceof Number number) {
      return number.longValue();
    }
    if (value instanceof String text) {
      try {
        return (long) Double.parseDouble(text.trim());
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  /** The status code, or -1 when there is none. */
  public static int statusOf(JsonObject json) {
    Object value = json.getValue(RequestRecord.STATUS_CODE);
    if (value instanceof Number number) {
      return number.intValue();
    }
    if (value instanceof String text) {
      try {
        return Integer.parseInt(text.trim());
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return -1;
  }

  /** Start time in Unix seconds, 0 when missing. */
  public static double timestampOf(JsonObject json) {
    return json.getValue(RequestRecord.TIMESTAMP) instanceof Number number ? number.doubleValue() : 0.0;
  }

  public static String stringOf(JsonObject json, String key, String fallback) {
    Object value = json.getValue(key);
    if (value == null) {
      return fallback;
    }
    String text = String.valueOf(value);
    return text.isEmpty() ? fallback : text;
  }

  /** The model statistics and usage count under: the mapped name when there is one, else the client's. */
  public static String effectiveModel(JsonObject json) {
    String translated = stringOf(json, RequestRecord.TRANSLATED_MODEL, null);
    return translated != null ? translated : stringOf(json, RequestRecord.MODEL, "unknown");
  }

  public static boolean isError(JsonObject json) {
    int status = statusOf(json);
    if (status >= 0) {
      return status >= 400;
    }
    return "error".equals(json.getValue(RequestRecord.STATE));
  }

  /** A rough size of what the record holds in memory, dominated by its bodies. */
  public static long estimatedBytes(JsonObject record) {
    long bytes = 512;
    for (String field : BodyLimit.BODY_FIELDS) {
      if (record.getValue(field) instanceof String text) {
        bytes += text.length();
      }
    }
    if (record.getValue(RequestRecord.RAW_EVENTS) instanceof JsonArray events) {
      for (Object event : events) {
        bytes += event instanceof String text ? text.length() + 8 : 16;
      }
    }
    return bytes;
  }
}
