package io.ghcapi.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.bus.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The journal and the statistics snapshot: restarts, abrupt stops, torn lines, compaction, exactly-once counting. */
@ExtendWith(VertxExtension.class)
class PersistenceTest {

  @TempDir
  Path dir;

  @Test
  void historyAndStatisticsSurviveARestart(Vertx vertx) {
    JsonObject config = Bus.config(dir, "node-a");
    String deployment = Bus.deploy(vertx, config);
    for (int i = 0; i < 10; i++) {
      Bus.completed(vertx, Records.completed("p" + i));
    }
    Bus.awaitTotal(vertx, 10);
    Bus.undeploy(vertx, deployment);

    Bus.deploy(vertx, config);
    assertEquals(10, Bus.list(vertx, new JsonObject()).getInteger("total"));
    assertEquals(10, Bus.stats(vertx).getLong("total_requests"), "replay does not count what the snapshot holds");
    JsonObject detail = Bus.request(vertx, Addresses.HISTORY_GET, new JsonObject().put("id", "p3"));
    assertEquals("hi p3", detail.getJsonObject("request_body").getJsonArray("messages").getJsonObject(0)
        .getString("content"));
  }

  @Test
  void anAbruptStopLosesNothingFlushedAndSkipsATornLastLine(Vertx vertx) throws IOException {
    JsonObject config = Bus.config(dir.resolve("live"), "node-a").put("stats_snapshot_interval_ms", 3_600_000);
    Bus.deploy(vertx, config);
    for (int i = 0; i < 20; i++) {
      Bus.completed(vertx, Records.completed("k" + i));
    }
    Bus.awaitTotal(vertx, 20);
    Bus.sleep(300);
    Path crashed = dir.resolve("crashed");
    copyTree(dir.resolve("live"), crashed);
    Path journal = journalFiles(crashed.resolve("history")).get(0);
    Files.writeString(journal, "{\"seq\":999,\"record\":{\"id\":\"torn\",\"mod", StandardOpenOption.APPEND);

    Vertx other = Vertx.vertx();
    try {
      JsonObject copyConfig = Bus.config(crashed, "node-a").put("stats_snapshot_interval_ms", 3_600_000);
      String deployment = Bus.deploy(other, copyConfig);
      assertEquals(20, Bus.list(other, new JsonObject()).getInteger("total"));
      assertEquals(20, Bus.stats(other).getLong("total_requests"), "counted from the journal: no snapshot was saved");
      assertTrue(Files.readString(journal).endsWith("\n"), "the torn line is cut off");

      Bus.completed(other, Records.completed("after-crash"));
      Bus.awaitTotal(other, 21);
      Bus.undeploy(other, deployment);
      Bus.deploy(other, copyConfig);
      assertEquals(21, Bus.list(other, new JsonObject()).getInteger("total"));
      assertEquals(21, Bus.stats(other).getLong("total_requests"));
    } finally {
      Bus.await(other.close());
    }
  }

  @Test
  void statisticsCountEachIdOnceAcrossDuplicatesRestartsReplaysAndImports(Vertx vertx) throws IOException {
    JsonObject config = Bus.config(dir.resolve("live"), "node-a").put("stats_snapshot_interval_ms", 3_600_000);
    String deployment = Bus.deploy(vertx, config);
    for (int i = 0; i < 5; i++) {
      Bus.completed(vertx, Records.completed("x" + i));
    }
    Bus.completed(vertx, Records.completed("x0"));
    Bus.awaitTotal(vertx, 5);
    Bus.undeploy(vertx, deployment);

    Bus.deploy(vertx, config);
    assertEquals(5, Bus.stats(vertx).getLong("total_requests"));
    for (int i = 5; i < 8; i++) {
      Bus.completed(vertx, Records.completed("x" + i));
    }
    Bus.awaitTotal(vertx, 8);
    Bus.sleep(300);
    // The snapshot on disk is the one written at the undeploy (5 records); the journal holds 8.
    Path crashed = dir.resolve("crashed");
    copyTree(dir.resolve("live"), crashed);

    Vertx other = Vertx.vertx();
    try {
      Bus.deploy(other, Bus.config(crashed, "node-a"));
      assertEquals(8, Bus.stats(other).getLong("total_requests"), "records after the snapshot are replayed once");
      String export = Bus.request(other, Addresses.HISTORY_EXPORT, new JsonObject()).getString("lines");
      JsonObject imported = Bus.request(other, Addresses.HISTORY_IMPORT,
          new JsonObject().put("lines", new JsonArray(List.of((Object[]) export.split("\n")))));
      assertEquals(8, imported.getInteger("imported"));
      JsonObject stats = Bus.stats(other);
      assertEquals(8, stats.getLong("total_requests"), "a re-import of known ids does not count again");
      assertEquals(80, stats.getJsonObject("tokens").getLong("input"));
      assertEquals(8, Bus.list(other, new JsonObject()).getInteger("total"));
    } finally {
      Bus.await(other.close());
    }
  }

  @Test
  void compactionKeepsTheJournalBounded(Vertx vertx) throws IOException {
    int max = 20;
    JsonObject config = Bus.config(dir, "node-a").put("cache_max_entries", max);
    String deployment = Bus.deploy(vertx, config);
    double now = System.currentTimeMillis() / 1000.0;
    for (int i = 0; i < 5 * max; i++) {
      Bus.completed(vertx, Records.completed("c" + i, "node-a", now + i));
      if (i % 10 == 9) {
        Bus.sleep(60);
      }
    }
    Bus.awaitTrue(() -> Bus.stats(vertx).getLong("total_requests") == 5 * max, () -> "all counted");
    Bus.sleep(300);

    Path history = dir.resolve("history");
    List<Path> journals = journalFiles(history);
    assertTrue(journals.size() <= 2, "the current generation and at most the previous one: " + journals);
    long lines = Files.readAllLines(journalFiles(history).get(journals.size() - 1)).size();
    assertTrue(lines <= 2L * max, "journal lines " + lines);
    Bus.undeploy(vertx, deployment);

    Bus.deploy(vertx, config);
    JsonObject page = Bus.list(vertx, new JsonObject().put("per_page", 100));
    assertEquals(max, page.getInteger("total"));
    assertEquals("c99", page.getJsonArray("items").getJsonObject(0).getString("id"));
    for (Object item : page.getJsonArray("items")) {
      String id = ((JsonObject) item).getString("id");
      assertEquals("hi " + id, Bus.request(vertx, Addresses.HISTORY_GET, new JsonObject().put("id", id))
          .getJsonObject("request_body").getJsonArray("messages").getJsonObject(0).getString("content"));
    }
    assertEquals(5 * max, Bus.stats(vertx).getLong("total_requests"));
  }

  @Test
  void aFullWriteQueueDropsTheOldestWriteAndCountsIt(Vertx vertx) {
    Bus.deploy(vertx, Bus.config(dir, "node-a").put("write_queue_max_records", 3).put("flush_interval_ms", 60_000));
    for (int i = 0; i < 5; i++) {
      Bus.completed(vertx, Records.completed("q" + i));
    }
    Bus.awaitTotal(vertx, 5);
    JsonObject stats = Bus.stats(vertx);
    assertEquals(2, stats.getLong("dropped_writes"));
    assertEquals(5, stats.getLong("total_requests"), "a dropped write is still counted");
    JsonObject lost = Bus.request(vertx, Addresses.HISTORY_GET, new JsonObject().put("id", "q0"));
    assertEquals(true, lost.getBoolean("_record_lost"));
    assertEquals("q0", lost.getString("id"));
    JsonObject kept = Bus.request(vertx, Addresses.HISTORY_GET, new JsonObject().put("id", "q4"));
    assertEquals("hi q4", kept.getJsonObject("request_body").getJsonArray("messages").getJsonObject(0)
        .getString("content"));
  }

  static List<Path> journalFiles(Path historyDir) throws IOException {
    try (Stream<Path> files = Files.list(historyDir)) {
      return files.filter(p -> p.getFileName().toString().matches("journal-\\d+\\.jsonl")).sorted().toList();
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.write(target, Files.readAllBytes(source));
        }
      }
    }
  }
}
