package io.ghcapi.cache.query;

import io.ghcapi.bus.RequestRecord;
import io.ghcapi.cache.record.RecordFields;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.function.Predicate;

/** The {@code status} filter of a listing: {@code 2xx}, {@code 4xx}, {@code 5xx} (any {@code Nxx}), {@code error} (state) or a code. */
final class StatusFilter {

  private StatusFilter() {
  }

  static Predicate<JsonObject> parse(String value) {
    if (value == null) {
      return summary -> true;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.equals("error")) {
      return summary -> "error".equals(summary.getValue(RequestRecord.STATE));
    }
    if (lower.matches("[1-5]xx")) {
      int hundreds = lower.charAt(0) - '0';
      return summary -> RecordFields.statusOf(summary) / 100 == hundreds;
    }
    if (lower.matches("\\d{3}")) {
      int code = Integer.parseInt(lower);
      return summary -> RecordFields.statusOf(summary) == code;
    }
    throw RequestException.badRequest("status must be 2xx, 4xx, 5xx, error or a status code; got '" + value + "'");
  }
}
