package io.ghcapi.gateway.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed, validating reads of a configuration object. Every failure names the key and says what was
 * expected and what was found; booleans must be real booleans (the string "false" is not false).
 */
final class ConfigReader {

  /** YAML reads an unquoted date (api_version: 2025-04-01) as a timestamp; the text written is meant. */
  private static final Pattern YAML_DATE_AS_INSTANT = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})T00:00(?::00)?Z");

  private final JsonObject source;
  private final Set<String> read = new HashSet<>();

  ConfigReader(JsonObject source) {
    this.source = source;
  }

  /** Every key a read asked for. */
  Set<String> readKeys() {
    return Collections.unmodifiableSet(read);
  }

  /** A copy of the configuration read. */
  JsonObject source() {
    return source.copy();
  }

  /** Keys present in the source that no read asked for, sorted. */
  Set<String> unreadKeys() {
    Set<String> unknown = new TreeSet<>(source.fieldNames());
    unknown.removeAll(read);
    return unknown;
  }

  String string(String key, String fallback) {
    Object value = value(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof String s) {
      Matcher date = YAML_DATE_AS_INSTANT.matcher(s.trim());
      return date.matches() ? date.group(1) : s.trim();
    }
    if (value instanceof Number || value instanceof Boolean) {
      return String.valueOf(value);
    }
    throw new ConfigException(key, "must be a string, got " + describe(value));
  }

  int integer(String key, int fallback, int min, int max) {
    Object value = value(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      long v = n.longValue();
      if (v < min || v > max) {
        throw new ConfigException(key, "must be between " + min + " and " + max + ", got " + v);
      }
      return (int) v;
    }
    throw new ConfigException(key, "must be a whole number between " + min + " and " + max + ", got " + describe(value));
  }

  long longValue(String key, long fallback, long min, long max) {
    Object value = value(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      long v = n.longValue();
      if (v < min || v > max) {
        throw new ConfigException(key, "must be between " + min + " and " + max + ", got " + v);
      }
      return v;
    }
    throw new ConfigException(key, "must be a whole number, got " + describe(value));
  }

  /** A duration given in (possibly fractional) seconds, returned in milliseconds. */
  long secondsAsMillis(String key, double fallbackSeconds, double minSeconds, double maxSeconds) {
    Object value = value(key);
    double seconds = fallbackSeconds;
    if (value != null) {
      if (!(value instanceof Number n) || Double.isNaN(n.doubleValue())) {
        throw new ConfigException(key, "must be a number of seconds, got " + describe(value));
      }
      seconds = n.doubleValue();
      if (seconds < minSeconds || seconds > maxSeconds) {
        throw new ConfigException(key, "must be between " + minSeconds + " and " + maxSeconds + " seconds, got " + seconds);
      }
    }
    return Math.round(seconds * 1000);
  }

  boolean bool(String key, boolean fallback) {
    Object value = value(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    throw new ConfigException(key, "must be true or false (a YAML boolean, unquoted), got " + describe(value));
  }

  /** Items are kept exactly as written: whitespace matters in text filters. */
  List<String> stringList(String key, List<String> fallback) {
    Object value = value(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof JsonArray array)) {
      throw new ConfigException(key, "must be a list of strings, got " + describe(value));
    }
    List<String> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      Object item = array.getValue(i);
      if (!(item instanceof String s) || s.isEmpty()) {
        throw new ConfigException(key + "[" + i + "]", "must be a non-empty string, got " + describe(item));
      }
      out.add(s);
    }
    return Collections.unmodifiableList(out);
  }

  /** A map of string to string, keeping the file's order. */
  Map<String, String> stringMap(String key, JsonObject object) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : object.fieldNames()) {
      Object item = object.getValue(name);
      if (!(item instanceof String s) || s.isBlank()) {
        throw new ConfigException(key + "." + name, "must be a non-empty string, got " + describe(item));
      }
      out.put(name, s.trim());
    }
    return Collections.unmodifiableMap(out);
  }

  JsonObject object(String key) {
    Object value = value(key);
    if (value == null) {
      return null;
    }
    if (value instanceof JsonObject o) {
      return o;
    }
    throw new ConfigException(key, "must be a mapping (key: value lines), got " + describe(value));
  }

  /** The raw value, for keys with a shape of their own. */
  Object value(String key) {
    read.add(key);
    return source.getValue(key);
  }

  static String describe(Object value) {
    if (value == null) {
      return "nothing";
    }
    if (value instanceof String s) {
      return "the string \"" + s + "\"";
    }
    if (value instanceof JsonArray) {
      return "a list";
    }
    if (value instanceof JsonObject) {
      return "a mapping";
    }
    return String.valueOf(value);
  }
}
