package io.ghcapi.simulator.control;

import io.ghcapi.simulator.Fault;
import io.ghcapi.simulator.FaultKind;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/** The JSON form of a {@link Fault}, as {@code POST /_sim/faults} takes it. */
final class FaultJson {

  private FaultJson() {
  }

  /** Parses {@code {"kind","times"?,"pathPrefix"?,"delayMs"?,"retryAfterSeconds"?,"afterChunks"?}}. */
  static Fault parse(JsonObject json) {
    if (!(json.getValue("kind") instanceof String kindName)) {
      throw new IllegalArgumentException("'kind' is required, one of " + java.util.Arrays.toString(FaultKind.values()));
    }
    FaultKind kind;
    try {
      kind = FaultKind.valueOf(kindName.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown fault kind '" + kindName + "', expected one of "
          + java.util.Arrays.toString(FaultKind.values()));
    }
    Object prefix = json.getValue("pathPrefix");
    if (prefix != null && !(prefix instanceof String)) {
      throw new IllegalArgumentException("'pathPrefix' must be a string");
    }
    return new Fault(kind, (String) prefix, (int) number(json, "times", 1), number(json, "delayMs", 0),
        (int) number(json, "retryAfterSeconds", 0), (int) number(json, "afterChunks", 0));
  }

  static JsonObject toJson(Fault fault) {
    return new JsonObject()
        .put("kind", fault.kind().name())
        .put("pathPrefix", fault.pathPrefix())
        .put("times", fault.times())
        .put("delayMs", fault.delayMs())
        .put("retryAfterSeconds", fault.retryAfterSeconds())
        .put("afterChunks", fault.afterChunks());
  }

  private static long number(JsonObject json, String key, long defaultValue) {
    Object value = json.getValue(key);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof Integer || value instanceof Long)) {
      throw new IllegalArgumentException("'" + key + "' must be an integer");
    }
    long number = ((Number) value).longValue();
    if (number < 0 || number > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("'" + key + "' is out of range");
    }
    return number;
  }
}
