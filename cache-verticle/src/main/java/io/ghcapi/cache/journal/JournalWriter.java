package io.ghcapi.cache.journal;

import io.ghcapi.cache.io.CoalescedTask;
import io.ghcapi.cache.io.SerialTasks;
import io.ghcapi.cache.io.WriteQueue;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The event-loop side of the journal: completed records wait in a bounded queue and are written in
 * batches, on a worker thread, one batch at a time. Batches go out every flush interval, or sooner once
 * enough bytes wait. When the queue is full the oldest waiting record is dropped and counted.
 * Compaction, clearing and statistics snapshots run as exclusive tasks between batches; each batch is
 * its own task, so a steady stream of records never starves them.
 */
public final class JournalWriter {

  private static final Logger LOG = Logger.getLogger(JournalWriter.class.getName());
  private static final long MAX_BATCH_BYTES = 16L << 20;

  /** Told, on the event loop, what became of each write. */
  public interface Listener {
    void written(JournalWrite write, Position position);

    /** Dropped (queue full) or failed: the full record is gone. */
    void lost(JournalWrite write);

    /** After each batch: how many lines the current journal file holds. */
    void journalLines(long lines);
  }

  private final Vertx vertx;
  private final Journal journal;
  private final Listener listener;
  private final SerialTasks tasks = new SerialTasks(1024);
  private final WriteQueue<JournalWrite> queue;
  private final long eagerFlushBytes;
  private final CoalescedTask batches;
  private long failed;

  public JournalWriter(Vertx vertx, Journal journal, Listener listener, int maxQueued, long maxQueuedBytes) {
    this.vertx = vertx;
    this.journal = journal;
    this.listener = listener;
    this.eagerFlushBytes = Math.max(1, Math.min(4L << 20, maxQueuedBytes / 4));
    this.batches = new CoalescedTask(tasks, this::writeBatch);
    this.queue = new WriteQueue<>(maxQueued, maxQueuedBytes, JournalWrite::estimatedBytes, write -> {
      listener.lost(write);
      write.finish();
    });
  }

  public JournalWrite append(long seq, JsonObject record) {
    JournalWrite write = new JournalWrite(seq, record);
    queue.offer(write);
    if (queue.bytes() >= eagerFlushBytes) {
      flush();
    }
    return write;
  }

  public boolean hasRoomFor(long bytes) {
    return queue.hasRoomFor(bytes);
  }

  public boolean isIdle() {
    return queue.isEmpty();
  }

  /** Writes what waits now; completes when it is on disk. */
  public Future<Void> flush() {
    return batches.request();
  }

  /** Runs a task with no batch written meanwhile (compaction, reset, snapshots). */
  public <T> Future<T> exclusive(Supplier<Future<T>> task) {
    return tasks.submit(task);
  }

  /** An exclusive task that is queued at most once at a time, however often it is asked for. */
  public CoalescedTask coalescing(Supplier<Future<Void>> task) {
    return new CoalescedTask(tasks, task);
  }

  /** Forgets waiting writes (the history was cleared); not counted as dropped. */
  public void discardQueued() {
    queue.clear().forEach(JournalWrite::finish);
  }

  /** Writes dropped for a full queue or lost to a failed write. */
  public long droppedWrites() {
    return queue.dropped() + failed;
  }

  /** Writes until nothing waits (used on stop, when no more records arrive). */
  public Future<Void> drain() {
    return flush().compose(v -> queue.isEmpty() ? Future.succeededFuture() : drain());
  }

  private Future<Void> writeBatch() {
    List<JournalWrite> batch = queue.take(MAX_BATCH_BYTES);
    if (batch.isEmpty()) {
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(() -> {
      List<byte[]> lines = new ArrayList<>(batch.size());
      for (JournalWrite write : batch) {
        lines.add(new JournalLine(write.seq(), write.record()).encode());
      }
      return journal.append(lines);
    }, false).map(positions -> {
      for (int i = 0; i < batch.size(); i++) {
        listener.written(batch.get(i), positions.get(i));
        batch.get(i).finish();
      }
      return (Void) null;
    }).recover(error -> {
      LOG.log(Level.WARNING, "history journal: could not write " + batch.size() + " records", error);
      failed += batch.size();
      for (JournalWrite write : batch) {
        listener.lost(write);
        write.finish();
      }
      return Future.succeededFuture();
    }).onSuccess(v -> {
      listener.journalLines(journal.lines());
      if (!queue.isEmpty()) {
        flush();
      }
    });
  }
}
