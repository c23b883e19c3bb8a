package io.ghcapi.examples.budget;

import io.ghcapi.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each user's tokens of the last 24 hours, asked from the history ({@code ghc.usage.get}, range {@code day})
 * and reused for a short while, so a burst of requests costs one query. Holds at most {@value #MAX_USERS}
 * users, forgetting the least recently asked.
 */
final class UsageCache {

  static final int MAX_USERS = 10_000;
  private static final DeliveryOptions QUERY = new DeliveryOptions().setSendTimeout(1_000);

  private final Vertx vertx;
  private final long refreshMillis;
  private final Map<String, Entry> users = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
      return size() > MAX_USERS;
    }
  };

  private record Entry(long tokens, long fetchedAt) {
  }

  UsageCache(Vertx vertx, long refreshMillis) {
    this.vertx = vertx;
    this.refreshMillis = refreshMillis;
  }

  /** Called on this verticle's event loop only, so the map needs no lock. */
  Future<Long> tokensOfLastDay(String user) {
    long now = System.currentTimeMillis();
    Entry known = users.get(user);
    if (known != null && now - known.fetchedAt() < refreshMillis) {
      return Future.succeededFuture(known.tokens());
    }
    return vertx.eventBus().<JsonObject>request(Addresses.USAGE_GET,
            new JsonObject().put("range", "day").put("user", user), QUERY)
        .map(reply -> {
          long tokens = reply.body().getJsonObject("totals", new JsonObject()).getLong("total_tokens", 0L);
          users.put(user, new Entry(tokens, now));
          return tokens;
        });
  }
}
