package io.ghcapi.cache.stats;

import io.vertx.core.json.JsonArray;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids already counted in statistics and usage, so a record received twice or imported again counts
 * once. Bounded: past the bound the oldest ids are forgotten (a re-import of something that old would
 * count again; documented).
 */
final class CountedIds {

  private final int maxIds;
  private final LinkedHashMap<String, Boolean> ids;

  CountedIds(int maxIds) {
    this.maxIds = maxIds;
    this.ids = new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > CountedIds.this.maxIds;
      }
    };
  }

  /** True when the id was not counted before (and is from now on). */
  boolean add(String id) {
    return ids.put(id, Boolean.TRUE) == null;
  }

  boolean contains(String id) {
    return ids.containsKey(id);
  }

  int size() {
    return ids.size();
  }

  String[] toArray() {
    return ids.keySet().toArray(new String[0]);
  }

  void restore(JsonArray json) {
    if (json == null) {
      return;
    }
    for (Object id : json) {
      if (id instanceof String text) {
        ids.put(text, Boolean.TRUE);
      }
    }
  }
}
