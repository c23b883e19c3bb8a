package io.ghcapi.translator.responses;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/** Typed reads that answer {@code null} (or 0) for an absent field or a field of another JSON type. */
final class JsonValues {

  private JsonValues() {
  }

  static String string(JsonObject object, String key) {
    return object != null && object.getValue(key) instanceof String text ? text : null;
  }

  static boolean hasText(String text) {
    return text != null && !text.isEmpty();
  }

  static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  static JsonObject object(JsonObject object, String key) {
    return object == null ? null : asObject(object.getValue(key));
  }

  static JsonArray array(JsonObject object, String key) {
    return object == null ? null : asArray(object.getValue(key));
  }

  @SuppressWarnings("unchecked")
  static JsonObject asObject(Object value) {
    if (value instanceof JsonObject json) {
      return json;
    }
    return value instanceof Map<?, ?> map ? new JsonObject((Map<String, Object>) map) : null;
  }

  static JsonArray asArray(Object value) {
    if (value instanceof JsonArray json) {
      return json;
    }
    return value instanceof List<?> list ? new JsonArray(list) : null;
  }

  /** A whole number, or 0 when absent, not a number, or fractional. */
  static long count(JsonObject object, String key) {
    Object value = object == null ? null : object.getValue(key);
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      return number.longValue();
    }
    return 0;
  }

  static boolean isNumber(JsonObject object, String key) {
    return object != null && object.getValue(key) instanceof Number;
  }
}
