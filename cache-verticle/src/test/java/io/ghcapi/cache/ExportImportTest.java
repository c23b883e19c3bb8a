package io.ghcapi.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.bus.Addresses;
import io.ghcapi.bus.RequestRecord;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Export and import in the seed's line format: paging, round trips, defaults, bad lines, big files. */
@ExtendWith(VertxExtension.class)
class ExportImportTest {

  @TempDir
  Path dir;

  @Test
  void exportThenImportThenExportPreservesEveryField(Vertx vertx) {
    String first = Bus.deploy(vertx, Bus.config(dir.resolve("a"), "node-a"));
    double now = System.currentTimeMillis() / 1000.0;
    Bus.completed(vertx, Records.completed("plain", "node-a", now - 3));
    Bus.completed(vertx, Records.passThrough("stream").put(RequestRecord.TIMESTAMP, now - 2));
    Bus.completed(vertx, Records.completed("odd", "node-b", now - 1)
        .put(RequestRecord.RESPONSE_BODY, "not json: \"quoted\"\nsecond line")
        .put(RequestRecord.REQUEST_BODY, "{\n  \"pretty\": [1, 2.5, true, null],\n  \"text\": \"a\\nb ünï\"\n}")
        .put(RequestRecord.ORIGINAL_REQUEST_BODY, "\"just a JSON string\"")
        .put(RequestRecord.TRANSLATED_MODEL, "claude-sonnet-4.5")
        .put(RequestRecord.ERROR, "upstream reset")
        .put(RequestRecord.STATUS_CODE, 502).put(RequestRecord.STATE, "error")
        .put("conversion_report", new JsonObject().put("dropped", new JsonArray().add("top_k")))
        .put("recovered_content", "partial"));
    Bus.awaitTotal(vertx, 3);

    List<String> exported = exportAll(vertx, 300);
    assertEquals(3, exported.size());
    JsonObject odd = new JsonObject(exported.get(2));
    assertEquals(new JsonArray().add(1).add(2.5).add(true).addNull(),
        odd.getJsonObject("request_body").getJsonArray("pretty"), "a JSON body is embedded as JSON");
    assertEquals("not json: \"quoted\"\nsecond line", odd.getString("response_body"), "other text stays a string");
    assertEquals("just a JSON string", odd.getString("original_request_body"));
    assertEquals(2, new JsonObject(exported.get(1)).getJsonArray("raw_events").size());
    Bus.undeploy(vertx, first);

    Bus.deploy(vertx, Bus.config(dir.resolve("b"), "node-b"));
    JsonObject result = Bus.request(vertx, Addresses.HISTORY_IMPORT, new JsonObject()
        .put("lines", new JsonArray(new ArrayList<Object>(exported))).put("first_line_number", 1));
    assertEquals(3, result.getInteger("imported"));
    assertEquals(new JsonArray(), result.getJsonArray("errors"));
    List<String> again = exportAll(vertx, 1 << 20);
    assertEquals(exported.size(), again.size());
    for (int i = 0; i < exported.size(); i++) {
      assertEquals(new JsonObject(exported.get(i)), new JsonObject(again.get(i)), "line " + (i + 1));
    }
    JsonObject detail = Bus.request(vertx, Addresses.HISTORY_GET, new JsonObject().put("id", "odd"));
    assertEquals("partial", detail.getString("recovered_content"), "unknown keys are kept");

    Bus.request(vertx, Addresses.HISTORY_IMPORT, new JsonObject().put("lines", new JsonArray(new ArrayList<Object>(exported))));
    assertEquals(3, Bus.stats(vertx).getLong("total_requests"), "imported ids count once");
    assertEquals(3, Bus.list(vertx, new JsonObject()).getInteger("total"), "a known id is replaced in place");
  }

  @Test
  void importFillsDefaultsAndReportsBadLinesByNumber(Vertx vertx) {
    Bus.deploy(vertx, Bus.config(dir, "node-a").put("persist", false));
    JsonArray lines = new JsonArray()
        .add("{\"model\":\"gpt-4.1\",\"timestamp\":\"2024-01-02T03:04:05Z\",\"request_body\":{\"q\":1}}")
        .add("")
        .add("{\"id\":\"n1\",\"timestamp\":\"1700000000.5\",\"status_code\":\"404\","
            + "\"request_headers\":{\"authorization\":\"Bearer sk-secret-value\"}}")
        .add("[1,2]")
        .add("{\"id\":\"n2\",\"timestamp\":\"yesterday\"")
        .add("{\"id\":\"n3\",\"timestamp\":1700000100,\"state\":\"error\",\"input_tokens\":\"12\"}");
    JsonObject result = Bus.request(vertx, Addresses.HISTORY_IMPORT,
        new JsonObject().put("lines", lines).put("first_line_number", 41));
    assertEquals(3, result.getInteger("imported"));
    JsonArray errors = result.getJsonArray("errors");
    assertEquals(List.of(44L, 45L), errors.stream().map(e -> ((JsonObject) e).getLong("line")).toList());

    JsonObject page = Bus.list(vertx, new JsonObject());
    JsonObject withoutId = page.getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(item -> "gpt-4.1".equals(item.getString("model"))).findFirst().orElseThrow();
    assertEquals(36, withoutId.getString("id").length(), "a missing id becomes a UUID");
    assertEquals(1704164645.0, withoutId.getDouble("timestamp"));
    assertEquals("completed", withoutId.getString("state"));
    assertEquals(200, withoutId.getInteger("status_code"));
    assertEquals("anonymous", withoutId.getString("user_id"));
    JsonObject n1 = Bus.request(vertx, Addresses.HISTORY_GET, new JsonObject().put("id", "n1"));
    assertEquals(1700000000.5, n1.getDouble("timestamp"));
    assertEquals(404, n1.getInteger("status_code"));
    assertEquals("Bearer [REDACTED 15 chars]", n1.getJsonObject("request_headers").getString("authorization"));
    assertNull(n1.getValue("request_body"));
    JsonObject n3 = Bus.request(vertx, Addresses.HISTORY_GET, new JsonObject().put("id", "n3"));
    assertEquals("error", n3.getString("state"));
    assertEquals(12, n3.getLong("input_tokens"));
    assertEquals(12, Bus.stats(vertx).getJsonObject("tokens").getLong("input"));

    assertEquals(400, Bus.failure(vertx, Addresses.HISTORY_IMPORT, new JsonObject().put("lines", "x")).failureCode());
  }

  @Test
  void importsFiftyThousandLinesInBatchesWithBoundedHistoryAndHeap(Vertx vertx) {
    Bus.deploy(vertx, Bus.config(dir, "node-a"));
    Set<Integer> bad = Set.of(7, 12_345, 30_000, 49_999);
    long heapBefore = Bus.usedHeapAfterGc();
    long started = System.nanoTime();
    List<Long> errorLines = new ArrayList<>();
    int imported = 0;
    double base = System.currentTimeMillis() / 1000.0 - 50_000;
    for (int first = 1; first <= 50_000; first += 500) {
      JsonArray batch = new JsonArray();
      for (int n = first; n < first + 500; n++) {
        batch.add(bad.contains(n) ? "{\"id\": \"broken-" + n : line(n, base + n));
      }
      JsonObject result = Bus.request(vertx, Addresses.HISTORY_IMPORT,
          new JsonObject().put("lines", batch).put("first_line_number", first));
      imported += result.getInteger("imported");
      result.getJsonArray("errors").forEach(e -> errorLines.add(((JsonObject) e).getLong("line")));
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    long growth = Bus.usedHeapAfterGc() - heapBefore;
    System.out.printf("import of 50000 lines: %d ms, heap growth %.1f MiB%n", millis, growth / 1048576.0);

    assertEquals(50_000 - bad.size(), imported);
    assertEquals(List.of(7L, 12_345L, 30_000L, 49_999L), errorLines);
    JsonObject page = Bus.list(vertx, new JsonObject().put("per_page", 1));
    assertEquals(1000, page.getInteger("total"));
    assertEquals("imp-50000", page.getJsonArray("items").getJsonObject(0).getString("id"));
    JsonObject stats = Bus.stats(vertx);
    assertEquals(50_000 - bad.size(), stats.getLong("total_requests"));
    assertEquals(0, stats.getLong("dropped_writes"));
    assertTrue(growth < 48L << 20, "heap grew by " + growth / 1048576 + " MiB");
  }

  @Test
  void exportPagesFollowTheCursorWhileEntriesAreEvicted(Vertx vertx) {
    Bus.deploy(vertx, Bus.config(dir, "node-a").put("cache_max_entries", 10));
    for (int i = 0; i < 10; i++) {
      Bus.completed(vertx, Records.completed("e" + i));
    }
    Bus.awaitTotal(vertx, 10);
    JsonObject page1 = Bus.request(vertx, Addresses.HISTORY_EXPORT, new JsonObject().put("max_bytes", 2000));
    int count1 = page1.getInteger("count");
    assertTrue(count1 >= 1 && count1 < 10);
    Long cursor = page1.getLong("next_cursor");
    assertNotEquals(null, cursor);
    for (int i = 10; i < 12; i++) {
      Bus.completed(vertx, Records.completed("e" + i));
    }
    Bus.awaitTrue(() -> Bus.stats(vertx).getLong("total_requests") == 12, () -> "12 counted");
    JsonObject rest = Bus.request(vertx, Addresses.HISTORY_EXPORT,
        new JsonObject().put("cursor", cursor).put("max_bytes", 1 << 20));
    assertNull(rest.getValue("next_cursor"));
    List<String> ids = new ArrayList<>();
    for (String line : (page1.getString("lines") + rest.getString("lines")).split("\n")) {
      ids.add(new JsonObject(line).getString("id"));
    }
    assertEquals(ids.size(), Set.copyOf(ids).size(), "no entry twice");
    assertEquals("e11", ids.get(ids.size() - 1));
    assertTrue(rest.getString("lines").endsWith("\n"));
  }

  private static String line(int n, double timestamp) {
    return new JsonObject().put("id", "imp-" + n).put("timestamp", timestamp).put("model", "gpt-4.1")
        .put("endpoint", "/v1/chat/completions").put("user_id", "u" + (n % 7)).put("node_id", "old-node")
        .put("status_code", 200).put("input_tokens", 10).put("output_tokens", 2)
        .put("request_body", new JsonObject().put("messages", new JsonArray()
            .add(new JsonObject().put("role", "user").put("content", "question " + n + " " + "x".repeat(600)))))
        .put("response_body", new JsonObject().put("content", "answer " + n)).encode();
  }

  static List<String> exportAll(Vertx vertx, long maxBytes) {
    List<String> lines = new ArrayList<>();
    Object cursor = 0;
    do {
      JsonObject page = Bus.request(vertx, Addresses.HISTORY_EXPORT,
          new JsonObject().put("cursor", cursor).put("max_bytes", maxBytes));
      String text = page.getString("lines");
      assertTrue(text.isEmpty() || text.endsWith("\n"));
      for (String line : text.split("\n")) {
        if (!line.isEmpty()) {
          lines.add(line);
        }
      }
      cursor = page.getValue("next_cursor");
    } while (cursor != null);
    return lines;
  }
}
