package io.ghcapi.cache.stats;

import io.ghcapi.bus.RequestRecord;
import io.ghcapi.cache.record.RecordFields;
import io.vertx.core.json.JsonObject;

/** Statistics of one population of requests: everyone's, or one user's. */
final class StatsScope {

  final Tally totals = new Tally();
  long errors;
  final TallyMap models;
  final TallyMap endpoints;
  final TallyMap nodes;

  StatsScope(int maxNames) {
    models = new TallyMap(maxNames);
    endpoints = new TallyMap(maxNames);
    nodes = new TallyMap(maxNames);
  }

  void count(JsonObject summary) {
    totals.add(summary);
    if (RecordFields.isError(summary)) {
      errors++;
    }
    models.add(RecordFields.effectiveModel(summary), summary);
    endpoints.add(RecordFields.stringOf(summary, RequestRecord.ENDPOINT, "unknown"), summary);
    nodes.add(RecordFields.stringOf(summary, RequestRecord.NODE_ID, "unknown"), summary);
  }

  JsonObject snapshot() {
    return new JsonObject()
        .put("totals", totals.toJson())
        .put("errors", errors)
        .put("models", models.toJson(Tally::toJson))
        .put("endpoints", endpoints.toJson(Tally::toJson))
        .put("nodes", nodes.toJson(Tally::toJson));
  }

  void restore(JsonObject json) {
    if (json == null) {
      return;
    }
    totals.addAll(Tally.fromJson(json.getJsonObject("totals")));
    errors += json.getLong("errors", 0L);
    models.restore(json.getJsonObject("models"));
    endpoints.restore(json.getJsonObject("endpoints"));
    nodes.restore(json.getJsonObject("nodes"));
  }
}
