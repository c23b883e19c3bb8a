package io.ghcapi.cache.query;

import io.ghcapi.bus.RequestRecord;
import io.ghcapi.bus.UsageRange;
import io.ghcapi.cache.store.HistoryEntry;
import io.ghcapi.cache.store.HistoryStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** {@code ghc.stats.get} and {@code ghc.usage.get}. */
public final class LedgerQueries {

  private final HistoryStore store;

  public LedgerQueries(HistoryStore store) {
    this.store = store;
  }

  public Future<JsonObject> stats(JsonObject body) {
    String user = Params.user(body);
    int cached = 0;
    if (user == null) {
      cached = store.index().size();
    } else {
      for (HistoryEntry entry : store.index().entries()) {
        if (user.equals(entry.summary().getValue(RequestRecord.USER_ID))) {
          cached++;
        }
      }
    }
    return Future.succeededFuture(store.ledger().stats().toJson(user, cached, store.droppedWrites()));
  }

  public Future<JsonObject> usage(JsonObject body) {
    UsageRange range;
    try {
      range = UsageRange.parse(Params.text(body, "range"), UsageRange.WEEK);
    } catch (IllegalArgumentException e) {
      throw RequestException.badRequest(e.getMessage());
    }
    return Future.succeededFuture(
        store.ledger().usage().overview(range, Params.user(body), System.currentTimeMillis() / 1000));
  }
}
