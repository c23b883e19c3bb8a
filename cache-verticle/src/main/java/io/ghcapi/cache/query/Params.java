package io.ghcapi.cache.query;

import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Set;

/**
 * Request parameters, read leniently: the admin API may pass query-string values through as strings, so
 * {@code "2"} is as good as {@code 2}; anything unreadable is a {@link RequestException#badRequest}.
 */
final class Params {

  private static final Set<String> ANY_USER = Set.of("", "all", "any", "*");

  private Params() {
  }

  static long integer(JsonObject body, String key, long fallback) {
    Object value = body.getValue(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number number) {
      return number.longValue();
    }
    if (value instanceof String text) {
      if (text.isBlank()) {
        return fallback;
      }
      try {
        return Long.parseLong(text.trim());
      } catch (NumberFormatException e) {
        throw RequestException.badRequest("'" + key + "' must be a whole number, got '" + text + "'");
      }
    }
    throw RequestException.badRequest("'" + key + "' must be a whole number");
  }

  static Double number(JsonObject body, String key) {
    Object value = body.getValue(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    if (value instanceof String text) {
      if (text.isBlank()) {
        return null;
      }
      try {
        return Double.parseDouble(text.trim());
      } catch (NumberFormatException e) {
        throw RequestException.badRequest("'" + key + "' must be a number, got '" + text + "'");
      }
    }
    throw RequestException.badRequest("'" + key + "' must be a number");
  }

  /** A trimmed string, or null when absent or blank. */
  static String text(JsonObject body, String key) {
    Object value = body.getValue(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String) && !(value instanceof Number) && !(value instanceof Boolean)) {
      throw RequestException.badRequest("'" + key + "' must be a string");
    }
    String text = String.valueOf(value).trim();
    return text.isEmpty() ? null : text;
  }

  /** The {@code user} filter: null for none (empty, {@code all}, {@code any}, {@code *}). */
  static String user(JsonObject body) {
    String user = text(body, "user");
    return user == null || ANY_USER.contains(user.toLowerCase(Locale.ROOT)) ? null : user;
  }

  /** Page number, at least 1. */
  static int page(JsonObject body) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, integer(body, "page", 1)));
  }

  /** Page size: 50 by default, between 1 and 500. */
  static int perPage(JsonObject body) {
    return (int) Math.max(1, Math.min(500, integer(body, "per_page", 50)));
  }
}
