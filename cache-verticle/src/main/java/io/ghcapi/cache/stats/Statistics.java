package io.ghcapi.cache.stats;

import io.ghcapi.bus.RequestRecord;
import io.ghcapi.cache.record.RecordFields;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Request statistics (seed §5.3): totals, errors and tallies per model, endpoint, user and node, plus the
 * same per user so a user filter shows that user's own totals and breakdowns. Not reduced by eviction.
 */
public final class Statistics {

  static final int MAX_NAMES = 1000;

  private final StatsScope everyone = new StatsScope(MAX_NAMES);
  private final TallyMap users = new TallyMap(MAX_NAMES);
  private final Map<String, StatsScope> perUser = new LinkedHashMap<>();

  void count(JsonObject summary) {
    everyone.count(summary);
    String user = RecordFields.stringOf(summary, RequestRecord.USER_ID, "anonymous");
    users.add(user, summary);
    scopeOf(user).count(summary);
  }

  private StatsScope scopeOf(String user) {
    StatsScope scope = perUser.get(user);
    if (scope == null) {
      String key = perUser.size() >= MAX_NAMES ? TallyMap.OTHER : user;
      scope = perUser.computeIfAbsent(key, k -> new StatsScope(MAX_NAMES));
    }
    return scope;
  }

  /**
   * The {@code ghc.stats.get} reply. With a user, totals and breakdowns are that user's own; an unknown user
   * gets zeros.
   */
  public JsonObject toJson(String user, int cachedRequests, long droppedWrites) {
    StatsScope scope = user == null ? everyone : perUser.getOrDefault(user, new StatsScope(1));
    JsonObject userStats;
    if (user == null) {
      userStats = users.toJson(Tally::toJson);
    } else {
      Tally tally = users.get(user);
      userStats = new JsonObject().put(user, (tally == null ? new Tally() : tally).toJson());
    }
    return new JsonObject()
        .put("user_id", user)
        .put("total_requests", scope.totals.requests)
        .put("cached_requests", cachedRequests)
        .put("bytes_sent", scope.totals.bytesSent)
        .put("bytes_received", scope.totals.bytesReceived)
        .put("errors", scope.errors)
        .put("tokens", scope.totals.tokensJson())
        .put("model_stats", scope.models.toJson(Tally::toJson))
        .put("endpoint_stats", scope.endpoints.toJson(Tally::toEndpointJson))
        .put("user_stats", userStats)
        .put("node_stats", scope.nodes.toJson(Tally::toJson))
        .put("dropped_writes", droppedWrites);
  }

  JsonObject snapshot() {
    JsonObject byUser = new JsonObject();
    perUser.forEach((user, scope) -> byUser.put(user, scope.snapshot()));
    return new JsonObject().put("everyone", everyone.snapshot()).put("users", users.toJson(Tally::toJson))
        .put("per_user", byUser);
  }

  static Statistics restore(JsonObject json) {
    Statistics stats = new Statistics();
    if (json == null) {
      return stats;
    }
    stats.everyone.restore(json.getJsonObject("everyone"));
    stats.users.restore(json.getJsonObject("users"));
    JsonObject byUser = json.getJsonObject("per_user", new JsonObject());
    for (String user : byUser.fieldNames()) {
      stats.scopeOf(user).restore(byUser.getJsonObject(user));
    }
    return stats;
  }
}
