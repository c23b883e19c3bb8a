package io.ghcapi.sync.usage;

import io.ghcapi.bus.UsageCounts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Brings this machine's hour totals up to date from the history's usage ledger ({@code ghc.usage.get} with
 * range {@code day}: per user and model, the sum over the hours of the last day).
 *
 * <p>The ledger answers sums over a window of hours, not each hour, so the current hour is what the window
 * holds beyond the hours already written: {@code current = window sum − written earlier hours of the window},
 * per user and model, never below zero. Hours already written are never changed, and a record arriving late
 * for an earlier hour counts in the current one, so the totals over time stay exact. Rewriting the same
 * numbers writes nothing; after a restart the file tells what was written, so nothing is counted twice.
 * Imported history older than the window does not show up as new usage.
 */
public final class UsageReconciler {

  private UsageReconciler() {
  }

  /**
   * @param reply the {@code ghc.usage.get} reply for range {@code day}
   * @param nodeId this node's id, its machine in the ledger
   * @param written this machine's hour totals so far; updated in place
   * @return the lines to append (empty when nothing changed)
   */
  public static List<JsonObject> reconcile(JsonObject reply, String nodeId, HourlyUsage written, long nowSeconds) {
    long currentHour = HourlyUsage.hourOf(nowSeconds);
    long windowStart = windowStart(reply, nowSeconds);
    Map<UsageKey, UsageCounts> window = new HashMap<>();
    JsonArray rows = reply.getJsonArray("user_rows", new JsonArray());
    for (Object item : rows) {
      if (item instanceof JsonObject row && nodeId.equals(row.getString("machine"))) {
        UsageKey key = new UsageKey(text(row, "user_id", "anonymous"), text(row, "model_id", "unknown"));
        window.computeIfAbsent(key, k -> new UsageCounts()).add(UsageCounts.fromJson(row));
      }
    }
    Map<UsageKey, UsageCounts> earlier = new HashMap<>();
    written.between(windowStart, currentHour).values().forEach(bucket -> bucket.forEach((key, counts) ->
        earlier.computeIfAbsent(key, k -> new UsageCounts()).add(counts)));
    Set<UsageKey> keys = new HashSet<>(window.keySet());
    keys.addAll(written.hour(currentHour).keySet());
    Set<String> changedUsers = new TreeSet<>();
    for (UsageKey key : keys) {
      UsageCounts inWindow = window.getOrDefault(key, new UsageCounts());
      UsageCounts current = inWindow.minusAtLeastZero(earlier.getOrDefault(key, new UsageCounts()));
      UsageCounts before = written.get(currentHour, key);
      boolean unchanged = before == null ? current.isZero() : before.equals(current);
      if (!unchanged) {
        written.set(currentHour, key, current);
        changedUsers.add(key.user());
      }
    }
    return UsageLines.forHour(currentHour, written.hour(currentHour), changedUsers);
  }

  /** The first hour the ledger summed: from its time series, else a day before now. */
  private static long windowStart(JsonObject reply, long nowSeconds) {
    JsonObject series = reply.getJsonObject("timeseries");
    JsonArray times = series == null ? null : series.getJsonArray("times");
    if (times != null && !times.isEmpty() && times.getValue(0) instanceof Number first) {
      return first.longValue();
    }
    return HourlyUsage.hourOf(nowSeconds - 86_400);
  }

  private static String text(JsonObject row, String key, String fallback) {
    return row.getValue(key) instanceof String value && !value.isBlank() ? value : fallback;
  }
}
