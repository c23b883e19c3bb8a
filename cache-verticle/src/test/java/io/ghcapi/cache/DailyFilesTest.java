package io.ghcapi.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ghcapi.bus.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Daily request files: only when enabled, switchable at run time, one whole line per record. */
@ExtendWith(VertxExtension.class)
class DailyFilesTest {

  @TempDir
  Path dir;

  @Test
  void writesOneLinePerCompletedRecordOnlyWhileEnabled(Vertx vertx) throws IOException {
    Bus.deploy(vertx, Bus.config(dir, "node-a"));
    Path today = dir.resolve("requests").resolve(LocalDate.now() + ".jl");
    Bus.completed(vertx, Records.completed("off-1"));
    Bus.awaitTotal(vertx, 1);
    Bus.sleep(200);
    assertFalse(Files.exists(today), "off by default");

    vertx.eventBus().publish(Addresses.CONFIG_CHANGED,
        new JsonObject().put("version", 1).put("changes", new JsonObject().put("save_request_to_file", true)));
    Bus.sleep(100);
    for (int i = 0; i < 300; i++) {
      Bus.completed(vertx, Records.completed("on-" + i));
    }
    Bus.awaitTotal(vertx, 301);
    Bus.awaitTrue(() -> lineCount(today) == 300, () -> "300 lines in " + today);

    vertx.eventBus().publish(Addresses.CONFIG_CHANGED,
        new JsonObject().put("version", 1).put("changes", new JsonObject().put("save_request_to_file", false)));
    Bus.sleep(100);
    Bus.completed(vertx, Records.completed("off-2"));
    Bus.awaitTotal(vertx, 302);
    Bus.sleep(200);

    List<String> lines = Files.readAllLines(today);
    assertEquals(300, lines.size());
    Set<String> ids = new HashSet<>();
    for (String line : lines) {
      JsonObject entry = new JsonObject(line);
      ids.add(entry.getString("id"));
      assertEquals("hello", entry.getJsonObject("response_body").getJsonArray("choices").getJsonObject(0)
          .getJsonObject("message").getString("content"), "export line format: bodies embedded as JSON");
    }
    assertEquals(300, ids.size());

    Bus.request(vertx, Addresses.HISTORY_CLEAR, new JsonObject());
    JsonObject imported = Bus.request(vertx, Addresses.HISTORY_IMPORT,
        new JsonObject().put("lines", new JsonArray(List.copyOf(lines))));
    assertEquals(300, imported.getInteger("imported"), "a daily file imports like an export");
  }

  @Test
  void configChangesResizeTheHistoryAtOnce(Vertx vertx) {
    Bus.deploy(vertx, Bus.config(dir, "node-a").put("persist", false));
    for (int i = 0; i < 10; i++) {
      Bus.completed(vertx, Records.completed("r" + i));
    }
    Bus.awaitTotal(vertx, 10);
    vertx.eventBus().publish(Addresses.CONFIG_CHANGED, new JsonObject().put("version", 1)
        .put("changes", new JsonObject().put("cache_max_entries", 4).put("cache_max_request_size", 10)));
    Bus.awaitTotal(vertx, 4);
    assertEquals(List.of("r9", "r8", "r7", "r6"), HistoryTest.ids(Bus.list(vertx, new JsonObject())));
    Bus.completed(vertx, Records.completed("small-limit"));
    Bus.awaitTrue(() -> Bus.stats(vertx).getLong("total_requests") == 11, () -> "11 counted");
    JsonObject body = Bus.request(vertx, Addresses.HISTORY_GET,
        new JsonObject().put("id", "small-limit").put("part", "request_body")).getJsonObject("request_body");
    assertEquals(true, body.getBoolean("_truncated"));
  }

  private static long lineCount(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    } catch (IOException e) {
      return -1;
    }
  }
}
