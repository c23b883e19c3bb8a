package io.ghcapi.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.bus.Addresses;
import io.ghcapi.bus.RequestRecord;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Memory does not depend on body sizes: bodies live on disk, summaries in memory. */
@ExtendWith(VertxExtension.class)
class MemoryTest {

  private static final int BODY_BYTES = 100 * 1024;

  @TempDir
  Path dir;

  @Test
  void aFullHistoryOfBigBodiesKeepsTheHeapFlat(Vertx vertx) {
    Bus.deploy(vertx, Bus.config(dir, "node-a"));
    long empty = Bus.usedHeapAfterGc();
    long small = heapAfter(vertx, "small", 10, 0) - empty;
    long big = heapAfter(vertx, "big", BODY_BYTES, 1000L * BODY_BYTES) - empty;
    System.out.printf("heap growth over an empty cache, 1000 entries: %.1f MiB with 10-byte bodies, "
        + "%.1f MiB with 100 KB bodies%n",
        small / 1048576.0, big / 1048576.0);

    assertTrue(big < 30L << 20, "1000 × 100 KB bodies grew the heap by " + big / 1048576 + " MiB");
    JsonObject stats = Bus.stats(vertx);
    assertEquals(0, stats.getLong("dropped_writes"));
    assertEquals(2000, stats.getLong("total_requests"));
    String body = Bus.request(vertx, Addresses.HISTORY_GET, new JsonObject().put("id", "big-500").put("part", "request_body"))
        .getJsonObject("request_body").getString("padding");
    assertEquals(BODY_BYTES - 20, body.length(), "the full body is read back from disk");
  }

  private long journalSize() {
    try (Stream<Path> files = Files.list(dir.resolve("history"))) {
      return files.filter(file -> file.getFileName().toString().startsWith("journal-")).mapToLong(file -> {
        try {
          return Files.size(file);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    } catch (IOException e) {
      return 0;
    }
  }

  /** Publishes 1000 records (replacing the previous 1000) and measures the heap once they are on disk. */
  private long heapAfter(Vertx vertx, String prefix, int bodyBytes, long journalBytes) {
    for (int i = 0; i < 1000; i++) {
      JsonObject record = Records.completed(prefix + "-" + i);
      record.put(RequestRecord.REQUEST_BODY, "{\"padding\":\"" + "p".repeat(Math.max(0, bodyBytes - 20)) + "\"}   ");
      record.put(RequestRecord.REQUEST_SIZE, bodyBytes);
      Bus.completed(vertx, record);
      if (i % 50 == 49) {
        Bus.sleep(20);
      }
    }
    Bus.awaitTrue(() -> Bus.list(vertx, new JsonObject().put("search", prefix + "-")).getInteger("total") == 1000,
        () -> "1000 " + prefix + " entries");
    Bus.awaitTrue(() -> journalSize() >= journalBytes, () -> "bodies written to the journal");
    Bus.sleep(100);
    return Bus.usedHeapAfterGc();
  }
}
