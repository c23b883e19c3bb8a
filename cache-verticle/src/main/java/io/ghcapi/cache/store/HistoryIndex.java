package io.ghcapi.cache.store;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The entries of the history, bounded: first in, first out by insertion. Replacing an entry (a completed
 * record for a started one, an import of a known id) keeps its place.
 */
public final class HistoryIndex {

  private final TreeMap<Long, HistoryEntry> byOrder = new TreeMap<>();
  private final Map<String, HistoryEntry> byId = new HashMap<>();
  private Consumer<HistoryEntry> onEvicted = entry -> { };
  private int maxEntries;
  private long nextOrder = 1;

  public HistoryIndex(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  /** Who is told about entries evicted from now on. */
  void onEvicted(Consumer<HistoryEntry> listener) {
    this.onEvicted = listener;
  }

  public HistoryEntry get(String id) {
    return byId.get(id);
  }

  /** Adds a new entry or replaces the one with this id in place; evicts the oldest past the bound. */
  public HistoryEntry put(String id, JsonObject summary, Location location, boolean completed) {
    HistoryEntry entry = byId.get(id);
    if (entry != null) {
      entry.replace(summary, location, completed);
      return entry;
    }
    entry = new HistoryEntry(id, nextOrder++, summary, location, completed);
    byId.put(id, entry);
    byOrder.put(entry.order(), entry);
    evictOverflow();
    return entry;
  }

  public void setMaxEntries(int maxEntries) {
    this.maxEntries = maxEntries;
    evictOverflow();
  }

  public int maxEntries() {
    return maxEntries;
  }

  private void evictOverflow() {
    while (byOrder.size() > maxEntries) {
      HistoryEntry oldest = byOrder.pollFirstEntry().getValue();
      byId.remove(oldest.id());
      onEvicted.accept(oldest);
    }
  }

  /** Empties the index and returns what it held. */
  public List<HistoryEntry> clear() {
    List<HistoryEntry> all = new ArrayList<>(byOrder.values());
    byOrder.clear();
    byId.clear();
    return all;
  }

  public int size() {
    return byOrder.size();
  }

  /** Oldest first. */
  public Collection<HistoryEntry> entries() {
    return byOrder.values();
  }

  /** Oldest first, starting at an insertion number. */
  public Collection<HistoryEntry> entriesFrom(long order) {
    return byOrder.tailMap(order, true).values();
  }
}
