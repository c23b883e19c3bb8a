package io.ghcapi.cache.store;

import io.ghcapi.bus.RequestRecord;
import io.ghcapi.cache.io.CoalescedTask;
import io.ghcapi.cache.journal.Journal;
import io.ghcapi.cache.journal.JournalWrite;
import io.ghcapi.cache.journal.JournalWriter;
import io.ghcapi.cache.journal.Position;
import io.ghcapi.cache.stats.Ledger;
import io.ghcapi.cache.stats.LedgerFile;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Persistence on disk: completed records go to the journal through the {@link JournalWriter}; entries
 * follow their records from "pending" to "on disk"; the journal is compacted when it holds more than twice
 * the entry bound; the ledger snapshot is saved before any journal line is given up, so the statistics
 * never lose a record that compaction or clearing removes.
 */
final class JournalSink implements RecordSink, JournalWriter.Listener {

  private static final Logger LOG = Logger.getLogger(JournalSink.class.getName());

  private final Vertx vertx;
  private final Journal journal;
  private final LedgerFile ledgerFile;
  private final Ledger ledger;
  private final HistoryIndex index;
  private final LongSupplier lastSeq;
  private final JournalWriter writer;
  private final CoalescedTask ledgerSaves;
  private long lines;
  private boolean compactionQueued;

  JournalSink(Vertx vertx, Journal journal, LedgerFile ledgerFile, Ledger ledger, HistoryIndex index,
      LongSupplier lastSeq, int maxQueued, long maxQueuedBytes) {
    this.vertx = vertx;
    this.journal = journal;
    this.ledgerFile = ledgerFile;
    this.ledger = ledger;
    this.index = index;
    this.lastSeq = lastSeq;
    this.lines = journal.lines();
    this.writer = new JournalWriter(vertx, journal, this, maxQueued, maxQueuedBytes);
    this.ledgerSaves = writer.coalescing(this::saveLedgerNow);
  }

  @Override
  public Location store(long seq, JsonObject record) {
    return new Location.Pending(writer.append(seq, record));
  }

  @Override
  public boolean hasRoomFor(long bytes) {
    return writer.hasRoomFor(bytes);
  }

  /** Called by the flush timer. */
  void flushIfWaiting() {
    if (!writer.isIdle()) {
      writer.flush();
    }
  }

  @Override
  public Future<Void> flush() {
    return writer.flush();
  }

  @Override
  public Future<Void> clear() {
    writer.discardQueued();
    return writer.exclusive(() -> {
      JsonObject snapshot = ledger.snapshot(lastSeq.getAsLong());
      return vertx.executeBlocking(() -> {
        ledgerFile.save(snapshot.encode());
        journal.reset();
        return (Void) null;
      }, false).onSuccess(v -> lines = 0).onFailure(e -> ledger.markChanged());
    });
  }

  @Override
  public Future<Void> saveLedger(boolean onlyIfChanged) {
    if (onlyIfChanged && !ledger.changed()) {
      return Future.succeededFuture();
    }
    return ledgerSaves.request();
  }

  private Future<Void> saveLedgerNow() {
    JsonObject snapshot = ledger.snapshot(lastSeq.getAsLong());
    return vertx.executeBlocking(() -> {
      ledgerFile.save(snapshot.encode());
      return (Void) null;
    }, false).onFailure(e -> {
      ledger.markChanged();
      LOG.log(Level.WARNING, "could not save the statistics snapshot " + ledgerFile.path(), e);
    });
  }

  @Override
  public long droppedWrites() {
    return writer.droppedWrites();
  }

  @Override
  public Future<Void> close() {
    return writer.drain()
        .compose(v -> saveLedger(false))
        .compose(v -> writer.exclusive(() -> vertx.executeBlocking(() -> {
          journal.sync();
          journal.close();
          return (Void) null;
        }, false)));
  }

  @Override
  public void written(JournalWrite write, Position position) {
    HistoryEntry entry = index.get(write.record().getString(RequestRecord.ID));
    if (entry != null && entry.location() instanceof Location.Pending pending && pending.write() == write) {
      entry.relocate(new Location.OnDisk(position));
    }
  }

  @Override
  public void lost(JournalWrite write) {
    HistoryEntry entry = index.get(write.record().getString(RequestRecord.ID));
    if (entry != null && entry.location() instanceof Location.Pending pending && pending.write() == write) {
      entry.relocate(new Location.SummaryOnly());
    }
  }

  @Override
  public void journalLines(long journalLines) {
    lines = journalLines;
    if (lines > 2L * index.maxEntries() && !compactionQueued) {
      compactionQueued = true;
      compact().onComplete(done -> compactionQueued = false);
    }
  }

  /** Rewrites the journal with only the live entries; appends arriving meanwhile wait and go to the new file. */
  Future<Void> compact() {
    return writer.exclusive(() -> {
      List<HistoryEntry> live = new ArrayList<>(index.size());
      List<Location> captured = new ArrayList<>(index.size());
      List<Position> positions = new ArrayList<>(index.size());
      for (HistoryEntry entry : index.entries()) {
        if (entry.location() instanceof Location.OnDisk onDisk) {
          live.add(entry);
          captured.add(onDisk);
          positions.add(onDisk.position());
        }
      }
      JsonObject snapshot = ledger.snapshot(lastSeq.getAsLong());
      long before = lines;
      return vertx.executeBlocking(() -> {
        ledgerFile.save(snapshot.encode());
        return journal.compact(positions);
      }, false).map(moved -> {
        for (int i = 0; i < live.size(); i++) {
          HistoryEntry entry = live.get(i);
          if (entry.location() == captured.get(i)) {
            Position position = moved.get(i);
            entry.relocate(position == null ? new Location.SummaryOnly() : new Location.OnDisk(position));
          }
        }
        lines = positions.size();
        LOG.fine(() -> "history journal compacted from " + before + " to " + positions.size() + " lines");
        return (Void) null;
      }).onFailure(e -> {
        ledger.markChanged();
        LOG.log(Level.WARNING, "history journal compaction failed", e);
      });
    });
  }
}
