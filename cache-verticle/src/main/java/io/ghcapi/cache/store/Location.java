package io.ghcapi.cache.store;

import io.ghcapi.cache.journal.JournalWrite;
import io.ghcapi.cache.journal.Position;
import io.vertx.core.json.JsonObject;

/** Where the full record of a history entry is: only summaries stay in memory once records are on disk. */
public sealed interface Location {

  /** A started exchange: what is known so far, held in memory (bodies only within a byte budget). */
  record InFlight(JsonObject record, long heldBytes) implements Location {
  }

  /** Memory-only mode ({@code persist: false}): the record itself, bounded by the entry count. */
  record Held(JsonObject record) implements Location {
  }

  /** Completed, waiting for its journal batch. */
  record Pending(JournalWrite write) implements Location {
  }

  /** In the journal. */
  record OnDisk(Position position) implements Location {
  }

  /** The write was dropped (queue full or disk error): only the summary is left. */
  record SummaryOnly() implements Location {
  }
}
