package io.ghcapi.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.bus.Addresses;
import io.ghcapi.bus.BusErrorCode;
import io.ghcapi.bus.ExchangeState;
import io.ghcapi.bus.RequestRecord;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bounds, truncation, the started → completed life of an entry, listing and detail, as the admin API sees them. */
@ExtendWith(VertxExtension.class)
class HistoryTest {

  @TempDir
  Path dir;

  @ParameterizedTest(name = "persist={0}")
  @ValueSource(booleans = {true, false})
  void evictsTheOldestEntriesFirstButKeepsCountingThem(boolean persist, Vertx vertx) {
    Bus.deploy(vertx, Bus.config(dir, "node-a").put("cache_max_entries", 5).put("persist", persist));
    double now = System.currentTimeMillis() / 1000.0;
    for (int i = 1; i <= 8; i++) {
      Bus.completed(vertx, Records.completed("r" + i, "node-a", now + i));
    }
    Bus.awaitTrue(() -> Bus.stats(vertx).getLong("total_requests") == 8, () -> "8 requests counted");

    JsonObject page = Bus.list(vertx, new JsonObject());
    assertEquals(5, page.getInteger("total"));
    assertEquals(List.of("r8", "r7", "r6", "r5", "r4"), ids(page));
    JsonObject stats = Bus.stats(vertx);
    assertEquals(8, stats.getLong("total_requests"), "eviction does not reduce statistics");
    assertEquals(5, stats.getInteger("cached_requests"));
    assertEquals(BusErrorCode.NOT_FOUND.code(),
        Bus.failure(vertx, Addresses.HISTORY_GET, new JsonObject().put("id", "r1")).failureCode());
  }

  @Test
  void bodiesOverTheLimitBecomeAVisibleMarker(Vertx vertx) {
    Bus.deploy(vertx, Bus.config(dir, "node-a").put("cache_max_request_size", 200));
    JsonObject record = Records.completed("big");
    String bigBody = "{\"messages\":\"" + "é".repeat(150) + "\"}";
    record.put(RequestRecord.REQUEST_BODY, bigBody).put(RequestRecord.ORIGINAL_REQUEST_BODY, bigBody);
    Bus.completed(vertx, record);
    JsonObject stream = Records.passThrough("stream");
    stream.put(RequestRecord.RAW_EVENTS, new JsonArray().add("x".repeat(150)).add("y".repeat(150)));
    Bus.completed(vertx, stream);
    Bus.awaitTotal(vertx, 2);

    JsonObject requestBody = Bus.request(vertx, Addresses.HISTORY_GET,
        new JsonObject().put("id", "big").put("part", "request_body")).getJsonObject("request_body");
    assertEquals(true, requestBody.getBoolean("_truncated"));
    assertEquals(15 + 300, requestBody.getLong("_size"), "UTF-8 bytes, é taking two");
    assertEquals("body exceeded cache_max_request_size (200 bytes)", requestBody.getString("_reason"));
    JsonObject full = Bus.request(vertx, Addresses.HISTORY_GET, new JsonObject().put("id", "big"));
    assertEquals(true, full.getJsonObject("original_request_body").getBoolean("_truncated"));
    assertTrue(full.getJsonObject("response_body").containsKey("choices"), "a body under the limit is kept");

    JsonArray events = Bus.request(vertx, Addresses.HISTORY_GET,
        new JsonObject().put("id", "stream").put("part", "response_body")).getJsonArray("raw_events");
    assertEquals(1, events.size());
    assertEquals(300, new JsonObject(events.getString(0)).getLong("_size"));
  }

  @Test
  void aStartedExchangeShowsAtOnceAndIsReplacedByItsCompletion(Vertx vertx) {
    Bus.deploy(vertx, Bus.config(dir, "node-a"));
    List<JsonObject> changes = new CopyOnWriteArrayList<>();
    Bus.await(vertx.eventBus().<JsonObject>consumer(Addresses.HISTORY_CHANGED, m -> changes.add(m.body())).completion());
    double now = System.currentTimeMillis() / 1000.0;

    Bus.started(vertx, Records.started("live", "node-a", now));
    Bus.awaitTotal(vertx, 1);
    JsonObject inFlight = Bus.list(vertx, new JsonObject()).getJsonArray("items").getJsonObject(0);
    assertEquals("sending", inFlight.getString("state"));
    assertNull(inFlight.getValue("request_body"), "listings carry summaries, not bodies");
    JsonObject soFar = Bus.request(vertx, Addresses.HISTORY_GET, new JsonObject().put("id", "live"));
    assertEquals("hi live", soFar.getJsonObject("request_body").getJsonArray("messages").getJsonObject(0)
        .getString("content"), "an in-flight entry returns what is known so far");
    assertEquals(0, Bus.stats(vertx).getLong("total_requests"), "a started exchange is not counted");

    JsonObject completed = Records.completed("live", "node-a", now);
    Bus.completed(vertx, completed);
    Bus.completed(vertx, completed.copy());
    Bus.started(vertx, Records.started("live", "node-a", now));
    Bus.awaitTrue(() -> "completed".equals(Bus.list(vertx, new JsonObject()).getJsonArray("items")
        .getJsonObject(0).getString("state")), () -> "entry completed");
    Bus.sleep(200);

    assertEquals(1, Bus.list(vertx, new JsonObject()).getInteger("total"));
    assertEquals(1, Bus.stats(vertx).getLong("total_requests"), "the repeated completion is ignored");
    assertEquals(List.of("started", "completed"), changes.stream().map(c -> c.getString("kind")).toList());
    assertEquals("live", changes.get(1).getJsonObject("summary").getString("id"));
    assertEquals(1, changes.get(1).getInteger("version"));
  }

  @Test
  void listsNewestFirstWithFiltersAndPages(Vertx vertx) {
    Bus.deploy(vertx, Bus.config(dir, "node-a"));
    double now = System.currentTimeMillis() / 1000.0;
    Bus.completed(vertx, Records.completed("ok-1", "node-a", now - 30));
    Bus.completed(vertx, Records.completed("ok-2", "node-b", now - 20).put("user_id", "bob")
        .put("translated_model", "claude-sonnet-4.5"));
    Bus.completed(vertx, Records.completed("bad-1", "node-a", now - 10).put("status_code", 429).put("state", "error"));
    Bus.completed(vertx, Records.completed("bad-2", "node-a", now).put("status_code", 502).put("state", "error"));
    Bus.awaitTotal(vertx, 4);

    assertEquals(List.of("bad-2", "bad-1", "ok-2", "ok-1"), ids(Bus.list(vertx, new JsonObject())));
    assertEquals(List.of("bad-1"), ids(Bus.list(vertx, new JsonObject().put("status", "4xx"))));
    assertEquals(List.of("bad-2"), ids(Bus.list(vertx, new JsonObject().put("status", "502"))));
    assertEquals(List.of("bad-2", "bad-1"), ids(Bus.list(vertx, new JsonObject().put("status", "error"))));
    assertEquals(List.of("ok-2", "ok-1"), ids(Bus.list(vertx, new JsonObject().put("status", "2xx"))));
    JsonObject bob = Bus.list(vertx, new JsonObject().put("user", "bob"));
    assertEquals(List.of("ok-2"), ids(bob));
    assertEquals("bob", bob.getString("user_filter"));
    assertEquals(4, Bus.list(vertx, new JsonObject().put("user", "all")).getInteger("total"));
    assertNull(Bus.list(vertx, new JsonObject().put("user", "*")).getValue("user_filter"));
    assertEquals(List.of("ok-2"), ids(Bus.list(vertx, new JsonObject().put("search", "SONNET"))));
    assertEquals(List.of("ok-2"), ids(Bus.list(vertx, new JsonObject().put("node", "node-b"))));
    assertEquals(List.of("ok-2"), ids(Bus.list(vertx, new JsonObject().put("model", "claude-sonnet-4.5"))));
    assertEquals(List.of("bad-1", "ok-2"), ids(Bus.list(vertx,
        new JsonObject().put("since", String.valueOf((long) now - 25)).put("until", now - 5))));

    JsonObject second = Bus.list(vertx, new JsonObject().put("page", "2").put("per_page", 3));
    assertEquals(List.of("ok-1"), ids(second));
    assertEquals(4, second.getInteger("total"));
    assertEquals(2, second.getInteger("total_pages"));
    assertEquals(500, Bus.list(vertx, new JsonObject().put("per_page", 10_000)).getInteger("per_page"));
    assertEquals(BusErrorCode.BAD_REQUEST.code(),
        Bus.failure(vertx, Addresses.HISTORY_LIST, new JsonObject().put("status", "teapot")).failureCode());
    assertEquals(BusErrorCode.BAD_REQUEST.code(),
        Bus.failure(vertx, Addresses.HISTORY_LIST, new JsonObject().put("page", "first")).failureCode());
  }

  @Test
  void detailPartsGiveBodiesAsJsonAndRawEventsForPassThroughStreams(Vertx vertx) {
    Bus.deploy(vertx, Bus.config(dir, "node-a"));
    Bus.completed(vertx, Records.completed("plain"));
    Bus.completed(vertx, Records.passThrough("stream"));
    Bus.completed(vertx, Records.completed("text").put(RequestRecord.RESPONSE_BODY, "upstream said: no"));
    Bus.awaitTotal(vertx, 3);

    JsonObject response = Bus.request(vertx, Addresses.HISTORY_GET,
        new JsonObject().put("id", "plain").put("part", "response_body"));
    assertEquals("chatcmpl-plain", response.getJsonObject("response_body").getString("id"));
    JsonObject stream = Bus.request(vertx, Addresses.HISTORY_GET,
        new JsonObject().put("id", "stream").put("part", "response_body"));
    assertEquals(2, stream.getJsonArray("raw_events").size());
    assertFalse(stream.containsKey("response_body"));
    assertEquals("upstream said: no", Bus.request(vertx, Addresses.HISTORY_GET,
        new JsonObject().put("id", "text").put("part", "response_body")).getString("response_body"));
    JsonObject full = Bus.request(vertx, Addresses.HISTORY_GET, new JsonObject().put("id", "plain"));
    assertEquals(ExchangeState.COMPLETED.wireName(), full.getString("state"));
    assertEquals("Bearer [REDACTED 24 chars]", full.getJsonObject("request_headers").getString("authorization"));
    assertEquals(BusErrorCode.BAD_REQUEST.code(), Bus.failure(vertx, Addresses.HISTORY_GET,
        new JsonObject().put("id", "plain").put("part", "headers")).failureCode());
    assertEquals(BusErrorCode.NOT_FOUND.code(), Bus.failure(vertx, Addresses.HISTORY_GET,
        new JsonObject().put("id", "nope")).failureCode());
  }

  @Test
  void clearEmptiesTheHistoryButKeepsStatistics(Vertx vertx) {
    Bus.deploy(vertx, Bus.config(dir, "node-a"));
    for (int i = 0; i < 3; i++) {
      Bus.completed(vertx, Records.completed("c" + i));
    }
    Bus.awaitTotal(vertx, 3);
    assertEquals(3, Bus.request(vertx, Addresses.HISTORY_CLEAR, new JsonObject()).getInteger("cleared"));
    assertEquals(0, Bus.list(vertx, new JsonObject()).getInteger("total"));
    assertEquals(3, Bus.stats(vertx).getLong("total_requests"));
    Bus.completed(vertx, Records.completed("c0"));
    Bus.completed(vertx, Records.completed("after"));
    Bus.awaitTotal(vertx, 1);
    assertEquals(List.of("after"), ids(Bus.list(vertx, new JsonObject())), "a cleared id still counts as seen");
  }

  @Test
  void statsBreakDownByModelEndpointUserAndNode(Vertx vertx) {
    Bus.deploy(vertx, Bus.config(dir, "node-a").put("persist", false));
    double now = System.currentTimeMillis() / 1000.0;
    Bus.completed(vertx, Records.completed("s1", "node-a", now));
    Bus.completed(vertx, Records.completed("s2", "node-b", now).put("user_id", "bob")
        .put("translated_model", "claude-sonnet-4.5"));
    Bus.completed(vertx, Records.completed("s3", "node-a", now).put("status_code", 500).put("state", "error"));
    Bus.awaitTotal(vertx, 3);

    JsonObject stats = Bus.stats(vertx);
    assertEquals(3, stats.getLong("total_requests"));
    assertEquals(300, stats.getLong("bytes_sent"));
    assertEquals(750, stats.getLong("bytes_received"));
    assertEquals(1, stats.getLong("errors"));
    assertEquals(new JsonObject().put("input", 30).put("output", 15).put("cache_creation", 6).put("cache_read", 9)
        .put("total", 60), stats.getJsonObject("tokens"));
    assertEquals(2, stats.getJsonObject("model_stats").getJsonObject("gpt-4.1").getLong("request_count"));
    assertEquals(1, stats.getJsonObject("model_stats").getJsonObject("claude-sonnet-4.5").getLong("request_count"));
    assertEquals(new JsonObject().put("request_count", 3).put("bytes_sent", 300).put("bytes_received", 750)
        .put("input_tokens", 30).put("output_tokens", 15).put("cache_creation_input_tokens", 6)
        .put("cache_read_input_tokens", 9),
        stats.getJsonObject("endpoint_stats").getJsonObject("/v1/chat/completions"), "the seed's fields, then tokens");
    assertEquals(2, stats.getJsonObject("user_stats").getJsonObject("alice").getLong("request_count"));
    assertEquals(1, stats.getJsonObject("node_stats").getJsonObject("node-b").getLong("request_count"));
    assertEquals(0, stats.getLong("dropped_writes"));

    JsonObject bob = Bus.request(vertx, Addresses.STATS_GET, new JsonObject().put("user", "bob"));
    assertEquals("bob", bob.getString("user_id"));
    assertEquals(1, bob.getLong("total_requests"));
    assertEquals(1, bob.getInteger("cached_requests"));
    assertEquals(List.of("claude-sonnet-4.5"), new ArrayList<>(bob.getJsonObject("model_stats").fieldNames()));
    assertEquals(20, bob.getJsonObject("tokens").getLong("total"));
  }

  static List<String> ids(JsonObject page) {
    List<String> ids = new ArrayList<>();
    page.getJsonArray("items").forEach(item -> ids.add(((JsonObject) item).getString("id")));
    return ids;
  }
}
