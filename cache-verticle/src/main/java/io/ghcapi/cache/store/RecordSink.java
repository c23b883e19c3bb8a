package io.ghcapi.cache.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** Where full records of completed entries go: the journal on disk, or memory when persistence is off. */
public interface RecordSink {

  /** Takes a completed record; returns where its entry finds it for now. */
  Location store(long seq, JsonObject record);

  /** Whether a record of this size can be taken without dropping an older one. */
  boolean hasRoomFor(long bytes);

  /** Completes when what was stored so far is written. */
  Future<Void> flush();

  /** The history was emptied. */
  Future<Void> clear();

  /** Saves the statistics and usage snapshot, if it changed (or always). */
  Future<Void> saveLedger(boolean onlyIfChanged);

  long droppedWrites();

  /** Writes everything and releases files (stop). */
  Future<Void> close();
}
