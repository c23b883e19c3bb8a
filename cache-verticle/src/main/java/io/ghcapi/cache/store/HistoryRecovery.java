package io.ghcapi.cache.store;

import io.ghcapi.bus.RequestRecord;
import io.ghcapi.cache.journal.Journal;
import io.ghcapi.cache.stats.Ledger;
import io.ghcapi.cache.stats.LedgerFile;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * Start-up: loads the statistics snapshot, then replays the journal: every line rebuilds its entry (the last
 * {@code cache_max_entries} survive) and every line after the snapshot's sequence number is counted, once
 * per id. Blocking: runs on a worker thread before the cache serves anything.
 */
public final class HistoryRecovery {

  private static final Logger LOG = Logger.getLogger(HistoryRecovery.class.getName());

  /** What start-up found on disk. */
  public record Recovered(Journal journal, LedgerFile ledgerFile, Ledger ledger, HistoryIndex index, long lastSeq) {
  }

  private HistoryRecovery() {
  }

  public static Recovered fromDisk(Path dir, int maxEntries, int maxCountedIds, int retentionDays) throws IOException {
    long now = System.currentTimeMillis() / 1000;
    LedgerFile ledgerFile = new LedgerFile(dir);
    Files.createDirectories(dir);
    Ledger ledger = Ledger.restore(ledgerFile.load(), maxCountedIds, retentionDays, now);
    HistoryIndex index = new HistoryIndex(maxEntries);
    long[] lastSeq = {ledger.snapshotSeq()};
    long[] counted = {0};
    Journal journal = Journal.open(dir, (line, position) -> {
      JsonObject summary = Summaries.of(line.record());
      String id = line.record().getString(RequestRecord.ID);
      if (line.seq() > ledger.snapshotSeq() && ledger.countOnce(id, summary, now)) {
        counted[0]++;
      }
      index.put(id, summary, new Location.OnDisk(position), true);
      lastSeq[0] = Math.max(lastSeq[0], line.seq());
    });
    LOG.info(() -> "history: " + index.size() + " entries from " + journal.lines() + " journal lines in " + dir
        + (counted[0] > 0 ? "; " + counted[0] + " records counted that the statistics snapshot did not include" : ""));
    return new Recovered(journal, ledgerFile, ledger, index, lastSeq[0]);
  }

  /** Memory only: nothing to read. */
  public static Recovered inMemory(int maxEntries, int maxCountedIds, int retentionDays) {
    return new Recovered(null, null, Ledger.empty(maxCountedIds, retentionDays), new HistoryIndex(maxEntries), 0);
  }
}
