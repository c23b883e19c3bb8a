package io.ghcapi.cache.store;

import io.ghcapi.bus.RequestRecord;
import io.ghcapi.cache.files.DailyRequestFiles;
import io.ghcapi.cache.record.BodyLimit;
import io.ghcapi.cache.record.ExportLine;
import io.ghcapi.cache.record.RecordFields;
import io.ghcapi.cache.stats.Ledger;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The request history: takes started and completed records, imports and clears, keeps the index bounded,
 * counts each completed id once in the ledger and hands full records to the sink (journal or memory).
 * Confined to the cache's event loop.
 */
public final class HistoryStore {

  /** What an import did. */
  public record ImportResult(int imported, int skipped, JsonArray errors) {
  }

  private final Vertx vertx;
  private final HistoryIndex index;
  private final Ledger ledger;
  private final RecordSink sink;
  private final Path journalDir;
  private final InFlightBudget inFlight;
  private final DailyRequestFiles requestFiles;
  private final HistoryEvents events;
  private long lastSeq;
  private long maxBodyBytes;
  private boolean saveRequestFiles;

  private HistoryStore(Vertx vertx, HistoryRecovery.Recovered recovered, Function<LongSupplier, RecordSink> sinkOf,
      Path journalDir, DailyRequestFiles requestFiles, long inFlightBudgetBytes) {
    this.vertx = vertx;
    this.index = recovered.index();
    this.ledger = recovered.ledger();
    this.lastSeq = recovered.lastSeq();
    this.sink = sinkOf.apply(() -> lastSeq);
    this.journalDir = journalDir;
    this.requestFiles = requestFiles;
    this.inFlight = new InFlightBudget(inFlightBudgetBytes);
    this.events = new HistoryEvents(vertx.eventBus());
    index.onEvicted(entry -> inFlight.release(entry.location()));
  }

  /** A store over what start-up recovered from disk, persisting to its journal. */
  public static HistoryStore persistent(Vertx vertx, HistoryRecovery.Recovered recovered, DailyRequestFiles files,
      int maxQueuedWrites, long maxQueuedBytes, long inFlightBudgetBytes) {
    return new HistoryStore(vertx, recovered, lastSeq -> new JournalSink(vertx, recovered.journal(),
        recovered.ledgerFile(), recovered.ledger(), recovered.index(), lastSeq, maxQueuedWrites, maxQueuedBytes),
        recovered.journal().dir(), files, inFlightBudgetBytes);
  }

  /** A store that keeps full records in memory ({@code persist: false}). */
  public static HistoryStore inMemory(Vertx vertx, HistoryRecovery.Recovered recovered, DailyRequestFiles files,
      long inFlightBudgetBytes) {
    return new HistoryStore(vertx, recovered, lastSeq -> new MemorySink(), null, files, inFlightBudgetBytes);
  }

  public void setMaxBodyBytes(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  public void setSaveRequestFiles(boolean saveRequestFiles) {
    this.saveRequestFiles = saveRequestFiles;
  }

  public void setMaxEntries(int maxEntries) {
    index.setMaxEntries(maxEntries);
  }

  /** A started exchange shows at once as an in-flight entry; ignored once the id has completed. */
  public void started(JsonObject record) {
    String id = idOf(record);
    if (id == null || alreadyCompleted(id)) {
      return;
    }
    limit(record);
    JsonObject summary = Summaries.of(record);
    HistoryEntry existing = index.get(id);
    if (existing != null) {
      inFlight.release(existing.location());
    }
    index.put(id, summary, inFlight.hold(record), false);
    events.started(summary);
  }

  /** A completed exchange replaces its in-flight entry and counts once; a repeat of a completed id is ignored. */
  public void completed(JsonObject record) {
    String id = idOf(record);
    if (id == null || alreadyCompleted(id)) {
      return;
    }
    limit(record);
    JsonObject summary = Summaries.of(record);
    ledger.countOnce(id, summary, nowSeconds());
    putCompleted(id, summary, record);
    if (saveRequestFiles) {
      requestFiles.append(record);
    }
    events.completed(summary);
  }

  /**
   * Imports lines of the export format. Each record counts once by id; a known id replaces its entry in
   * place without counting again. With {@code skipKnown} (peer sync), ids already seen are left alone.
   * Completes once the imported records are written.
   */
  public Future<ImportResult> importLines(List<String> lines, long firstLineNumber, boolean skipKnown) {
    long limit = maxBodyBytes;
    return vertx.executeBlocking(() -> ImportBatch.parse(lines, firstLineNumber, limit), false)
        .compose(batch -> {
          int[] counts = new int[2];
          JsonObject[] last = new JsonObject[1];
          return applyImported(batch.records(), 0, skipKnown, counts, last)
              .compose(v -> sink.flush())
              .map(v -> {
                if (counts[0] > 0) {
                  events.imported(counts[0], last[0]);
                }
                return new ImportResult(counts[0], counts[1], batch.errors());
              });
        });
  }

  private Future<Void> applyImported(List<JsonObject> records, int from, boolean skipKnown, int[] counts,
      JsonObject[] last) {
    for (int i = from; i < records.size(); i++) {
      JsonObject record = records.get(i);
      if (!sink.hasRoomFor(RecordFields.estimatedBytes(record))) {
        int resumeAt = i;
        return sink.flush().compose(v -> applyImported(records, resumeAt, skipKnown, counts, last));
      }
      records.set(i, null);
      String id = record.getString(RequestRecord.ID);
      if (skipKnown && alreadyCompleted(id)) {
        counts[1]++;
        continue;
      }
      JsonObject summary = Summaries.of(record);
      ledger.countOnce(id, summary, nowSeconds());
      putCompleted(id, summary, record);
      counts[0]++;
      last[0] = summary;
    }
    return Future.succeededFuture();
  }

  /** Empties the history (statistics and usage stay); the journal starts over. */
  public Future<Integer> clear() {
    List<HistoryEntry> removed = index.clear();
    removed.forEach(entry -> inFlight.release(entry.location()));
    events.cleared(removed.size());
    return sink.clear().map(removed.size());
  }

  private void putCompleted(String id, JsonObject summary, JsonObject record) {
    long seq = ++lastSeq;
    Location location = sink.store(seq, record);
    HistoryEntry existing = index.get(id);
    if (existing != null) {
      inFlight.release(existing.location());
    }
    index.put(id, summary, location, true);
  }

  private boolean alreadyCompleted(String id) {
    HistoryEntry existing = index.get(id);
    return (existing != null && existing.completed()) || ledger.isCounted(id);
  }

  private void limit(JsonObject record) {
    ExportLine.bodiesAsText(record);
    BodyLimit.apply(record, maxBodyBytes);
  }

  private static String idOf(JsonObject record) {
    if (record != null && record.getValue(RequestRecord.ID) instanceof String id && !id.isEmpty()) {
      return id;
    }
    return null;
  }

  /**
   * The full record of an entry: from memory, or read from the journal on a worker thread. Retries once
   * when compaction moved the entry while it was being read.
   */
  public Future<JsonObject> read(String id) {
    return read(id, true);
  }

  private Future<JsonObject> read(String id, boolean retry) {
    HistoryEntry entry = index.get(id);
    if (entry == null) {
      return Future.succeededFuture(null);
    }
    EntryRef ref = entry.ref();
    if (!RecordReader.needsDisk(ref)) {
      return Future.succeededFuture(RecordReader.fromMemory(ref));
    }
    return onWorker(reader -> reader.read(ref)).recover(error -> {
      HistoryEntry now = index.get(id);
      if (retry && now != null && now.location() != ref.location()) {
        return read(id, false);
      }
      return Future.failedFuture(error);
    });
  }

  /** Work that reads full records, on a worker thread. */
  public interface ReadWork<T> {
    T apply(RecordReader reader) throws Exception;
  }

  public <T> Future<T> onWorker(ReadWork<T> work) {
    return vertx.executeBlocking(() -> {
      try (RecordReader reader = new RecordReader(journalDir)) {
        return work.apply(reader);
      }
    }, false);
  }

  public HistoryIndex index() {
    return index;
  }

  public Ledger ledger() {
    return ledger;
  }

  /** Journal and request-file writes dropped for a full queue or lost to a disk error. */
  public long droppedWrites() {
    return sink.droppedWrites() + requestFiles.droppedWrites();
  }

  /** Called by the flush timer. */
  public void flushWaitingWrites() {
    if (sink instanceof JournalSink journal) {
      journal.flushIfWaiting();
    }
    if (!requestFiles.isIdle()) {
      requestFiles.flush();
    }
  }

  /** Called periodically: prunes usage past its retention and saves the ledger when it changed. */
  public Future<Void> saveLedgerIfChanged() {
    ledger.pruneUsage(nowSeconds());
    return sink.saveLedger(true);
  }

  /** Writes everything waiting, the ledger, and closes the files. */
  public Future<Void> close() {
    return requestFiles.drain().compose(v -> sink.close());
  }

  private static long nowSeconds() {
    return System.currentTimeMillis() / 1000;
  }
}
