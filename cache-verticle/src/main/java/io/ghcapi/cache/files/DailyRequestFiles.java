package io.ghcapi.cache.files;

import io.ghcapi.cache.io.CoalescedTask;
import io.ghcapi.cache.io.SerialTasks;
import io.ghcapi.cache.io.WriteQueue;
import io.ghcapi.cache.record.ExportLine;
import io.ghcapi.cache.record.RecordFields;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Seed §7.1 daily request files: each completed record as one export line in
 * {@code <requests_dir>/YYYY-MM-DD.jl} (local date at completion). One ordered writer with a bounded
 * queue, so lines never interleave (seed §11.2 item 16) and a slow disk drops and counts instead of
 * blocking.
 */
public final class DailyRequestFiles {

  private static final Logger LOG = Logger.getLogger(DailyRequestFiles.class.getName());
  private static final long MAX_BATCH_BYTES = 16L << 20;

  private record Line(LocalDate date, JsonObject record, long bytes) {
  }

  private final Vertx vertx;
  private final Path dir;
  private final SerialTasks tasks = new SerialTasks(1024);
  private final WriteQueue<Line> queue;
  private final long eagerFlushBytes;
  private final CoalescedTask batches;
  private long failed;

  public DailyRequestFiles(Vertx vertx, Path dir, int maxQueued, long maxQueuedBytes) {
    this.vertx = vertx;
    this.dir = dir;
    this.queue = new WriteQueue<>(maxQueued, maxQueuedBytes, Line::bytes, line -> { });
    this.eagerFlushBytes = Math.max(1, Math.min(4L << 20, maxQueuedBytes / 4));
    this.batches = new CoalescedTask(tasks, this::writeBatch);
  }

  /** Queues a completed record for today's file. */
  public void append(JsonObject record) {
    queue.offer(new Line(LocalDate.now(), record, RecordFields.estimatedBytes(record)));
    if (queue.bytes() >= eagerFlushBytes) {
      flush();
    }
  }

  public boolean isIdle() {
    return queue.isEmpty();
  }

  /** Writes what waits now. */
  public Future<Void> flush() {
    return batches.request();
  }

  public Future<Void> drain() {
    return flush().compose(v -> queue.isEmpty() ? Future.succeededFuture() : drain());
  }

  public long droppedWrites() {
    return queue.dropped() + failed;
  }

  private Future<Void> writeBatch() {
    List<Line> batch = queue.take(MAX_BATCH_BYTES);
    if (batch.isEmpty()) {
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(() -> {
      write(batch);
      return (Void) null;
    }, false).recover(error -> {
      LOG.log(Level.WARNING, "request files: could not write " + batch.size() + " records", error);
      failed += batch.size();
      return Future.succeededFuture();
    }).onSuccess(v -> {
      if (!queue.isEmpty()) {
        flush();
      }
    });
  }

  private void write(List<Line> batch) throws IOException {
    Files.createDirectories(dir);
    Map<LocalDate, List<byte[]>> byDate = new LinkedHashMap<>();
    for (Line line : batch) {
      byDate.computeIfAbsent(line.date(), d -> new ArrayList<>())
          .add((ExportLine.encode(line.record()) + '\n').getBytes(StandardCharsets.UTF_8));
    }
    for (Map.Entry<LocalDate, List<byte[]>> day : byDate.entrySet()) {
      try (OutputStream file = new BufferedOutputStream(
          new FileOutputStream(dir.resolve(day.getKey() + ".jl").toFile(), true), 256 * 1024)) {
        for (byte[] line : day.getValue()) {
          file.write(line);
        }
      }
    }
  }
}
