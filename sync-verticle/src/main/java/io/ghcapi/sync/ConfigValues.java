package io.ghcapi.sync;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** Typed, validated reads of the deployment config: a wrong type or range names the key and the reason. */
final class ConfigValues {

  private final JsonObject json;

  ConfigValues(JsonObject json) {
    this.json = json == null ? new JsonObject() : json;
  }

  boolean bool(String key, boolean fallback) {
    Object value = json.getValue(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean flag) {
      return flag;
    }
    throw invalid(key, "must be true or false", value);
  }

  String text(String key, String fallback) {
    Object value = json.getValue(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof String text) {
      return text.trim();
    }
    throw invalid(key, "must be a string", value);
  }

  /** Seconds (whole or fractional) within [min, max], as milliseconds. */
  long secondsAsMillis(String key, double fallbackSeconds, double min, double max) {
    Object value = json.getValue(key);
    double seconds;
    if (value == null) {
      seconds = fallbackSeconds;
    } else if (value instanceof Number number) {
      seconds = number.doubleValue();
    } else {
      throw invalid(key, "must be a number of seconds", value);
    }
    if (!(seconds >= min && seconds <= max)) {
      throw invalid(key, "must be between " + min + " and " + max + " seconds", value);
    }
    return Math.round(seconds * 1000);
  }

  int integer(String key, int fallback, int min, int max) {
    Object value = json.getValue(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
        && number.longValue() >= min && number.longValue() <= max) {
      return number.intValue();
    }
    throw invalid(key, "must be a whole number between " + min + " and " + max, value);
  }

  /** A mapping of names to strings, in the order given; absent = the fallback. */
  Map<String, String> stringMap(String key, Map<String, String> fallback) {
    Object value = json.getValue(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof JsonObject object)) {
      throw invalid(key, "must be a mapping of names to strings", value);
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : object) {
      if (!(entry.getValue() instanceof String text) || text.isBlank()) {
        throw invalid(key + "." + entry.getKey(), "must be a non-empty string", entry.getValue());
      }
      result.put(entry.getKey(), text.trim());
    }
    return result;
  }

  static IllegalArgumentException invalid(String key, String rule, Object value) {
    String shown = value instanceof String text ? "the string \"" + text + "\"" : String.valueOf(value);
    return new IllegalArgumentException("sync config '" + key + "': " + rule + ", got " + shown);
  }
}
