package io.ghcapi.cache.store;

import io.ghcapi.cache.journal.JournalReader;
import io.vertx.core.json.JsonObject;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/** Gets the full record of an entry wherever it is. Blocking when it is on disk: use on a worker thread. */
public final class RecordReader implements Closeable {

  /** Marks a record of which only the summary is left. */
  public static final String RECORD_LOST = "_record_lost";

  private final JournalReader journal;

  RecordReader(Path journalDir) {
    this.journal = journalDir == null ? null : new JournalReader(journalDir);
  }

  public JsonObject read(EntryRef ref) throws IOException {
    if (ref.location() instanceof Location.OnDisk onDisk && journal != null) {
      return journal.read(onDisk.position()).record();
    }
    return fromMemory(ref);
  }

  /** The record of an entry that is not on disk (in flight, waiting for its batch, memory-only, lost). */
  static JsonObject fromMemory(EntryRef ref) {
    Location location = ref.location();
    if (location instanceof Location.InFlight inFlight) {
      return inFlight.record();
    }
    if (location instanceof Location.Held held) {
      return held.record();
    }
    if (location instanceof Location.Pending pending) {
      return pending.write().record();
    }
    return ref.summary().copy().put(RECORD_LOST, true);
  }

  /** Whether reading needs the disk (otherwise it can be done on the event loop). */
  static boolean needsDisk(EntryRef ref) {
    return ref.location() instanceof Location.OnDisk;
  }

  @Override
  public void close() throws IOException {
    if (journal != null) {
      journal.close();
    }
  }
}
