package io.ghcapi.cache.sync;

import io.ghcapi.bus.Addresses;
import io.ghcapi.bus.RequestRecord;
import io.ghcapi.cache.record.RecordFields;
import io.ghcapi.cache.store.HistoryStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;

/**
 * At start, a node catches up with what its peers recorded while it was away: it asks
 * {@code ghc.history.sync} for entries newer than its own newest (minus a margin for long exchanges),
 * page by page, and imports them (known ids are skipped, new ones counted once). Every cache consumes
 * that address, its own included: it refuses its own requests, and the bus's round robin then reaches
 * a peer on a later attempt. No answer at all means there is no peer.
 */
public final class PeerSync {

  private static final Logger LOG = Logger.getLogger(PeerSync.class.getName());
  /** Exchanges that started before our newest entry may have completed while we were away. */
  static final double MARGIN_SECONDS = 3600;
  private static final int ATTEMPTS_PER_PAGE = 4;
  private static final long PAGE_BYTES = 1L << 20;

  private final Vertx vertx;
  private final HistoryStore store;
  private final String nodeId;
  private final long timeoutMs;

  public PeerSync(Vertx vertx, HistoryStore store, String nodeId, long timeoutMs) {
    this.vertx = vertx;
    this.store = store;
    this.nodeId = nodeId;
    this.timeoutMs = timeoutMs;
  }

  /** Runs the catch-up; completes with the number of entries imported (0 when no peer answered). */
  public Future<Integer> run() {
    double newest = store.index().entries().stream()
        .mapToDouble(entry -> RecordFields.timestampOf(entry.summary())).max().orElse(0);
    double after = newest <= 0 ? 0 : newest - MARGIN_SECONDS;
    return page(after, null, 0, 1).onSuccess(imported -> {
      if (imported > 0) {
        LOG.info(() -> "history: " + imported + " entries caught up from a peer");
      }
    });
  }

  private Future<Integer> page(double after, JsonObject cursor, int importedSoFar, int attempt) {
    JsonObject request = new JsonObject().put(RequestRecord.NODE_ID, nodeId).put("after_timestamp", after)
        .put("cursor", cursor).put("max_bytes", PAGE_BYTES);
    return vertx.eventBus().<JsonObject>request(Addresses.HISTORY_SYNC, request,
            new DeliveryOptions().setSendTimeout(timeoutMs))
        .compose(reply -> importPage(reply, after, importedSoFar), failure -> {
          if (attempt < ATTEMPTS_PER_PAGE) {
            return page(after, cursor, importedSoFar, attempt + 1);
          }
          LOG.fine(() -> "history sync: no peer answered (" + failure.getMessage() + ")");
          return Future.succeededFuture(importedSoFar);
        });
  }

  private Future<Integer> importPage(Message<JsonObject> reply, double after, int importedSoFar) {
    JsonObject body = reply.body();
    String text = body.getString("lines", "");
    List<String> lines = text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    JsonObject next = body.getJsonObject("next_cursor");
    return store.importLines(lines, 1, true).compose(result -> {
      int imported = importedSoFar + result.imported();
      return next == null ? Future.succeededFuture(imported) : page(after, next, imported, 1);
    });
  }
}
