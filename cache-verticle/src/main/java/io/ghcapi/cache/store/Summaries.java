package io.ghcapi.cache.store;

import io.ghcapi.bus.HistorySummary;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * The in-memory summary of a record ({@link HistorySummary}), with any over-long text shortened: an
 * imported file could carry a megabyte in {@code error}, and summaries must stay small whatever comes in.
 * The full text stays in the record on disk.
 */
final class Summaries {

  static final int MAX_TEXT = 2048;

  private Summaries() {
  }

  static JsonObject of(JsonObject record) {
    JsonObject summary = HistorySummary.of(record);
    for (Map.Entry<String, Object> field : summary.getMap().entrySet()) {
      if (field.getValue() instanceof String text && text.length() > MAX_TEXT) {
        field.setValue(text.substring(0, MAX_TEXT) + "…");
      }
    }
    return summary;
  }
}
