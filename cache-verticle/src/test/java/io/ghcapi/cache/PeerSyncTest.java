package io.ghcapi.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ghcapi.bus.Addresses;
import io.ghcapi.bus.BusErrorCode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catching up from a peer, with two caches of different node ids on one Vert.x (no cluster here): both
 * consume {@code ghc.history.sync}, each refuses its own requests, so a request reaches the other.
 */
@ExtendWith(VertxExtension.class)
class PeerSyncTest {

  @TempDir
  Path dir;

  @Test
  void aStartingNodeImportsWhatItsPeerHasOnceAndRefusesItsOwnRequests(Vertx vertx) {
    List<JsonObject> imports = new CopyOnWriteArrayList<>();
    Bus.await(vertx.eventBus().<JsonObject>consumer(Addresses.HISTORY_CHANGED, m -> {
      if ("imported".equals(m.body().getString("kind"))) {
        imports.add(m.body());
      }
    }).completion());
    JsonObject configA = Bus.config(dir.resolve("a"), "node-a");
    JsonObject configB = Bus.config(dir.resolve("b"), "node-b").put("peers_sync", true)
        .put("peers_sync_unclustered", true).put("peers_sync_timeout_ms", 2000);
    String a = Bus.deploy(vertx, configA);
    double now = System.currentTimeMillis() / 1000.0;
    for (int i = 0; i < 30; i++) {
      Bus.completed(vertx, Records.completed("s" + i, "node-a", now - 100 + i));
    }
    Bus.awaitTotal(vertx, 30);

    String b = Bus.deploy(vertx, configB);
    Bus.awaitTrue(() -> imports.size() == 1, () -> "node-b imported from node-a");
    assertEquals(30, imports.get(0).getInteger("count"));
    Bus.undeploy(vertx, a);
    assertEquals(30, Bus.list(vertx, new JsonObject()).getInteger("total"), "node-b answers alone now");
    assertEquals(30, Bus.stats(vertx).getJsonObject("node_stats").getJsonObject("node-a").getLong("request_count"));

    assertEquals(BusErrorCode.NOT_FOUND.code(), Bus.failure(vertx, Addresses.HISTORY_SYNC,
        new JsonObject().put("node_id", "node-b")).failureCode(), "a node refuses its own sync request");
    JsonObject page = Bus.request(vertx, Addresses.HISTORY_SYNC, new JsonObject().put("node_id", "node-c")
        .put("after_timestamp", now - 80.5).put("max_bytes", 1500));
    assertEquals("node-b", page.getString("node_id"));
    assertEquals("s20", new JsonObject(page.getString("lines").split("\n")[0]).getString("id"));
    JsonObject cursor = page.getJsonObject("next_cursor");
    assertNotNull(cursor);
    JsonObject rest = Bus.request(vertx, Addresses.HISTORY_SYNC, new JsonObject().put("node_id", "node-c")
        .put("after_timestamp", now - 80.5).put("cursor", cursor).put("max_bytes", 1 << 20));
    assertNull(rest.getValue("next_cursor"));
    assertEquals(10, page.getInteger("count") + rest.getInteger("count"));

    Bus.undeploy(vertx, b);
    a = Bus.deploy(vertx, configA);
    for (int i = 30; i < 35; i++) {
      Bus.completed(vertx, Records.completed("s" + i, "node-a", now + i));
    }
    Bus.awaitTotal(vertx, 35);
    Bus.deploy(vertx, configB);
    Bus.awaitTrue(() -> imports.size() == 2, () -> "node-b caught up again");
    assertEquals(5, imports.get(1).getInteger("count"), "known entries are skipped, new ones imported");
    Bus.undeploy(vertx, a);
    assertEquals(35, Bus.list(vertx, new JsonObject()).getInteger("total"));
    assertEquals(35, Bus.stats(vertx).getLong("total_requests"), "each id counted once on node-b");
  }
}
