package io.ghcapi.translator.anthropic;

import io.ghcapi.translator.TranslationException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Typed reads of request fields. A field that is absent or null reads as null; a field of the wrong type
 * fails the translation with a 400 naming its path, so bad input is rejected at our edge rather than passed on.
 */
final class Fields {

  private Fields() {
  }

  static String string(JsonObject object, String key, String path) {
    Object value = object.getValue(key);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw invalid(path, "Input should be a valid string");
  }

  static String requiredString(JsonObject object, String key, String path) {
    String value = string(object, key, path);
    if (value == null) {
      throw missing(path);
    }
    return value;
  }

  static Number number(JsonObject object, String key, String path) {
    Object value = object.getValue(key);
    if (value == null || value instanceof Number) {
      return (Number) value;
    }
    throw invalid(path, "Input should be a valid number");
  }

  /** A whole number; {@code 1024.0} is accepted, {@code 1.5} and {@code "1024"} are not. */
  static Long integer(JsonObject object, String key, String path) {
    Object value = object.getValue(key);
    if (value == null) {
      return null;
    }
    Long whole = value instanceof Number number ? wholeNumber(number) : null;
    if (whole == null) {
      throw invalid(path, "Input should be a valid integer");
    }
    return whole;
  }

  static Boolean bool(JsonObject object, String key, String path) {
    Object value = object.getValue(key);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    throw invalid(path, "Input should be a valid boolean");
  }

  static JsonObject object(JsonObject object, String key, String path) {
    Object value = object.getValue(key);
    if (value == null || value instanceof JsonObject) {
      return (JsonObject) value;
    }
    throw invalid(path, "Input should be an object");
  }

  static JsonArray array(JsonObject object, String key, String path) {
    Object value = object.getValue(key);
    if (value == null || value instanceof JsonArray) {
      return (JsonArray) value;
    }
    throw invalid(path, "Input should be a valid list");
  }

  /** Element {@code i} of an array of objects, such as a message or a content block. */
  static JsonObject element(JsonArray array, int i, String path) {
    Object value = array.getValue(i);
    if (value instanceof JsonObject object) {
      return object;
    }
    throw invalid(path, "Input should be an object");
  }

  /** The {@code type} every content block, tool choice and source must carry. */
  static String type(JsonObject object, String path) {
    return requiredString(object, "type", path + ".type");
  }

  /** The value of an integral number, or null for a fraction, NaN or anything out of range. */
  static Long wholeNumber(Number number) {
    if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
      return number.longValue();
    }
    double value = number.doubleValue();
    if (Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < 0x1p53) {
      return (long) value;
    }
    return null;
  }

  static TranslationException invalid(String path, String problem) {
    return new TranslationException(path + ": " + problem, path);
  }

  static TranslationException missing(String path) {
    return new TranslationException(path + ": Field required", path);
  }
}
