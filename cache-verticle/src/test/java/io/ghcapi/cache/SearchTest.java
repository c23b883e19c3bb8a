package io.ghcapi.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ghcapi.bus.Addresses;
import io.ghcapi.bus.RequestRecord;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Full-text search reads the bodies from disk; the listing's search stays on summary fields. */
@ExtendWith(VertxExtension.class)
class SearchTest {

  @TempDir
  Path dir;

  @Test
  void findsTextThatIsOnlyInABody(Vertx vertx) {
    Bus.deploy(vertx, Bus.config(dir, "node-a"));
    double now = System.currentTimeMillis() / 1000.0;
    Bus.completed(vertx, Records.completed("one", "node-a", now - 3)
        .put(RequestRecord.REQUEST_BODY, "{\"messages\":[{\"content\":\"Where is the Zanzibar archipelago?\"}]}"));
    Bus.completed(vertx, Records.completed("two", "node-a", now - 2).put(RequestRecord.USER_ID, "bob")
        .put(RequestRecord.RESPONSE_BODY, "{\"content\":\"ZANZIBAR is off Tanzania\"}"));
    Bus.completed(vertx, Records.passThrough("three").put(RequestRecord.TIMESTAMP, now - 1));
    Bus.completed(vertx, Records.completed("four", "node-a", now));
    Bus.awaitTotal(vertx, 4);
    Bus.sleep(200);

    JsonObject found = search(vertx, new JsonObject().put("q", "zanzibar"));
    assertEquals(List.of("two", "one"), HistoryTest.ids(found));
    assertEquals(2, found.getInteger("total"));
    assertEquals(1, found.getInteger("total_pages"));
    assertEquals(List.of("three"), HistoryTest.ids(search(vertx, new JsonObject().put("q", "MESSAGE_STOP"))),
        "raw stream events are searched too");
    assertEquals(List.of("two"), HistoryTest.ids(search(vertx, new JsonObject().put("q", "zanzibar").put("user", "bob"))));
    assertEquals(List.of("one"), HistoryTest.ids(search(vertx,
        new JsonObject().put("q", "zanzibar").put("per_page", 1).put("page", 2))));
    assertEquals(0, Bus.list(vertx, new JsonObject().put("search", "zanzibar")).getInteger("total"),
        "the listing's search does not read bodies");

    JsonObject empty = search(vertx, new JsonObject().put("q", ""));
    assertEquals(0, empty.getInteger("total"));
    assertEquals(0, empty.getInteger("total_pages"));
    assertEquals(0, empty.getJsonArray("items").size());
  }

  @Test
  void fullTextSearchTakesTheListingsFilters(Vertx vertx) {
    Bus.deploy(vertx, Bus.config(dir, "node-a"));
    double now = System.currentTimeMillis() / 1000.0;
    Bus.completed(vertx, Records.completed("old", "node-a", now - 7200));
    Bus.completed(vertx, Records.completed("claude", "node-b", now - 60).put(RequestRecord.MODEL, "claude-haiku-4.5"));
    Bus.completed(vertx, Records.completed("failed", "node-a", now - 30).put(RequestRecord.STATUS_CODE, 502)
        .put(RequestRecord.STATE, "error"));
    Bus.completed(vertx, Records.completed("new", "node-a", now));
    Bus.awaitTotal(vertx, 4);
    Bus.sleep(200);

    JsonObject everything = new JsonObject().put("q", "\"content\":\"hi ");
    assertEquals(List.of("new", "failed", "claude", "old"), HistoryTest.ids(search(vertx, everything)));
    assertEquals(List.of("claude"), HistoryTest.ids(search(vertx, everything.copy().put("model", "claude-haiku-4.5"))));
    assertEquals(List.of("claude"), HistoryTest.ids(search(vertx, everything.copy().put("node", "node-b"))));
    assertEquals(List.of("failed"), HistoryTest.ids(search(vertx, everything.copy().put("status", "5xx"))));
    assertEquals(List.of("new", "claude"), HistoryTest.ids(search(vertx, everything.copy().put("status", "2xx")
        .put("since", (long) now - 600))));
    assertEquals(List.of("old"), HistoryTest.ids(search(vertx, everything.copy().put("until", "" + (long) (now - 3600)))));
    assertEquals(List.of(), HistoryTest.ids(search(vertx, everything.copy().put("endpoint", "/v1/messages"))));
    assertEquals(List.of("new"), HistoryTest.ids(search(vertx, new JsonObject().put("q", "hi new").put("status", "2xx"))));
  }

  private static JsonObject search(Vertx vertx, JsonObject query) {
    return Bus.request(vertx, Addresses.HISTORY_SEARCH, query);
  }
}
