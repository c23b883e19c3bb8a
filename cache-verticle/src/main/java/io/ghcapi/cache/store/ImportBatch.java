package io.ghcapi.cache.store;

import io.ghcapi.cache.record.ImportedRecord;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Lines of an import parsed into records (on a worker thread), with every bad line and its number. */
record ImportBatch(List<JsonObject> records, JsonArray errors) {

  static ImportBatch parse(List<String> lines, long firstLineNumber, long maxBodyBytes) {
    List<JsonObject> records = new ArrayList<>(lines.size());
    JsonArray errors = new JsonArray();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line == null || line.isBlank()) {
        continue;
      }
      try {
        records.add(ImportedRecord.fromLine(line, maxBodyBytes));
      } catch (IllegalArgumentException e) {
        errors.add(new JsonObject().put("line", firstLineNumber + i).put("message", e.getMessage()));
      }
    }
    return new ImportBatch(records, errors);
  }
}
