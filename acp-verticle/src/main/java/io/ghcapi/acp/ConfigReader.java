package io.ghcapi.acp;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Reads typed, range-checked values of the deployment config; a bad value names its key and the reason. */
final class ConfigReader {

  private final JsonObject json;

  ConfigReader(JsonObject json) {
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
    throw bad(key, "must be true or false", value);
  }

  long number(String key, long fallback, long min, long max) {
    Object value = json.getValue(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Number number) || number.doubleValue() != Math.floor(number.doubleValue())) {
      throw bad(key, "must be a whole number", value);
    }
    long whole = number.longValue();
    if (whole < min || whole > max) {
      throw bad(key, "must be between " + min + " and " + max, value);
    }
    return whole;
  }

  int integer(String key, int fallback, int min, int max) {
    return (int) number(key, fallback, min, max);
  }

  String text(String key, String fallback) {
    Object value = json.getValue(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof String text) || text.isBlank()) {
      throw bad(key, "must be a non-empty string", value);
    }
    return text.trim();
  }

  List<String> texts(String key) {
    Object value = json.getValue(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw bad(key, "must be a list of strings", value);
    }
    List<String> out = new ArrayList<>();
    for (Object item : array) {
      if (!(item instanceof String text) || text.isBlank()) {
        throw bad(key, "must be a list of non-empty strings", value);
      }
      out.add(text);
    }
    return out;
  }

  JsonObject object(String key) {
    Object value = json.getValue(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonObject object)) {
      throw bad(key, "must be a mapping", value);
    }
    return object;
  }

  static IllegalArgumentException bad(String key, String reason, Object value) {
    String shown = value instanceof String ? "the string \"" + value + "\"" : String.valueOf(value);
    return new IllegalArgumentException("acp config '" + key + "': " + reason + ", got " + shown);
  }
}
