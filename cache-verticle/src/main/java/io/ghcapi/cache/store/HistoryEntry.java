package io.ghcapi.cache.store;

import io.vertx.core.json.JsonObject;

/**
 * One history entry as held in memory: its summary and where its full record is. Confined to the cache's
 * event loop; summaries are replaced, never changed, so a snapshot handed to a worker stays valid.
 */
public final class HistoryEntry {

  private final String id;
  private final long order;
  private JsonObject summary;
  private Location location;
  private boolean completed;

  HistoryEntry(String id, long order, JsonObject summary, Location location, boolean completed) {
    this.id = id;
    this.order = order;
    this.summary = summary;
    this.location = location;
    this.completed = completed;
  }

  public String id() {
    return id;
  }

  /** Insertion number: eviction is oldest first, export pages follow it. Kept when an entry is replaced. */
  public long order() {
    return order;
  }

  public JsonObject summary() {
    return summary;
  }

  public Location location() {
    return location;
  }

  public boolean completed() {
    return completed;
  }

  void replace(JsonObject newSummary, Location newLocation, boolean nowCompleted) {
    this.summary = newSummary;
    this.location = newLocation;
    this.completed = nowCompleted;
  }

  void relocate(Location newLocation) {
    this.location = newLocation;
  }

  /** An immutable view to hand to a worker thread. */
  public EntryRef ref() {
    return new EntryRef(id, order, summary, location);
  }
}
