package io.ghcapi.cache.stats;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Tallies by name (model, endpoint, user, node), bounded: names past the bound are counted together under
 * {@link #OTHER}, so an import full of invented model names cannot grow memory without end.
 */
final class TallyMap {

  static final String OTHER = "(other)";

  private final Map<String, Tally> tallies = new LinkedHashMap<>();
  private final int maxNames;

  TallyMap(int maxNames) {
    this.maxNames = maxNames;
  }

  void add(String name, JsonObject summary) {
    tallyFor(name).add(summary);
  }

  Tally get(String name) {
    return tallies.get(name);
  }

  private Tally tallyFor(String name) {
    Tally tally = tallies.get(name);
    if (tally == null) {
      String key = tallies.size() >= maxNames ? OTHER : name;
      tally = tallies.computeIfAbsent(key, k -> new Tally());
    }
    return tally;
  }

  JsonObject toJson(Function<Tally, JsonObject> shape) {
    JsonObject out = new JsonObject();
    tallies.forEach((name, tally) -> out.put(name, shape.apply(tally)));
    return out;
  }

  void restore(JsonObject json) {
    if (json == null) {
      return;
    }
    for (String name : json.fieldNames()) {
      if (json.getValue(name) instanceof JsonObject tally) {
        tallyFor(name).addAll(Tally.fromJson(tally));
      }
    }
  }
}
