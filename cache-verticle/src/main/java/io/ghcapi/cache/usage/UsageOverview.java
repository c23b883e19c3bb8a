package io.ghcapi.cache.usage;

import io.ghcapi.bus.UsageCounts;
import io.ghcapi.bus.UsageRange;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The seed's token-usage overview (§7.2) computed from hourly buckets: rows per (machine, model), rows per
 * (machine, user, model), totals and time series (tokens per machine, and requests and tokens for all
 * machines together). Buckets are whole hours, so a range takes in every hour that overlaps it.
 */
final class UsageOverview {

  private final NavigableMap<Long, Map<UsageKey, UsageCounts>> inRange;
  private final UsageRange range;
  private final String user;
  private final long nowSeconds;
  private final long from;

  UsageOverview(TreeMap<Long, Map<UsageKey, UsageCounts>> hours, UsageRange range, String user, long nowSeconds) {
    this.range = range;
    this.user = user;
    this.nowSeconds = nowSeconds;
    long cutoff = range.cutoff(nowSeconds);
    if (cutoff == Long.MIN_VALUE) {
      this.from = hours.isEmpty() ? floor(nowSeconds, UsageLedger.HOUR) : hours.firstKey();
    } else {
      this.from = floor(cutoff, UsageLedger.HOUR);
    }
    this.inRange = hours.tailMap(from, true);
  }

  JsonObject toJson() {
    TreeSet<String> machines = new TreeSet<>();
    TreeSet<String> users = new TreeSet<>();
    Map<String, UsageCounts> rows = new TreeMap<>();
    Map<String, UsageCounts> userRows = new TreeMap<>();
    Map<String, String[]> rowKeys = new TreeMap<>();
    Map<String, String[]> userRowKeys = new TreeMap<>();
    UsageCounts totals = new UsageCounts();

    long step = range.stepSeconds();
    long start = floor(from, step);
    long end = floor(Math.max(nowSeconds, inRange.isEmpty() ? nowSeconds : inRange.lastKey()), step);
    int points = (int) ((end - start) / step) + 1;
    Map<String, long[]> byMachine = new TreeMap<>();
    UsageCounts[] perPoint = new UsageCounts[points];
    for (int i = 0; i < points; i++) {
      perPoint[i] = new UsageCounts();
    }

    inRange.forEach((hour, bucketsOfHour) -> bucketsOfHour.forEach((key, counts) -> {
      machines.add(key.machine());
      users.add(key.user());
      if (user != null && !user.equals(key.user())) {
        return;
      }
      String rowKey = key.machine() + '\u0000' + key.model();
      rows.computeIfAbsent(rowKey, k -> new UsageCounts()).add(counts);
      rowKeys.putIfAbsent(rowKey, new String[] {key.machine(), key.model()});
      String userRowKey = key.machine() + '\u0000' + key.user() + '\u0000' + key.model();
      userRows.computeIfAbsent(userRowKey, k -> new UsageCounts()).add(counts);
      userRowKeys.putIfAbsent(userRowKey, new String[] {key.machine(), key.user(), key.model()});
      totals.add(counts);
      int point = Math.min(points - 1, Math.max(0, (int) ((floor(hour, step) - start) / step)));
      byMachine.computeIfAbsent(key.machine(), m -> new long[points])[point] += counts.totalTokens();
      perPoint[point].add(counts);
    }));

    JsonArray rowsJson = new JsonArray();
    rows.forEach((k, counts) -> rowsJson.add(new JsonObject().put("machine", rowKeys.get(k)[0])
        .put("model_id", rowKeys.get(k)[1]).mergeIn(counts.toJson())));
    JsonArray userRowsJson = new JsonArray();
    userRows.forEach((k, counts) -> {
      String[] parts = userRowKeys.get(k);
      userRowsJson.add(new JsonObject().put("machine", parts[0]).put("user_id", parts[1]).put("model_id", parts[2])
          .mergeIn(counts.toJson()));
    });
    JsonArray times = new JsonArray();
    for (int i = 0; i < points; i++) {
      times.add(start + i * step);
    }
    JsonObject series = new JsonObject();
    for (String machine : machines) {
      long[] values = byMachine.getOrDefault(machine, new long[points]);
      JsonArray valuesJson = new JsonArray();
      for (long value : values) {
        valuesJson.add(value);
      }
      series.put(machine, valuesJson);
    }
    return new JsonObject()
        .put("range", range.wireName())
        .put("machines", new JsonArray(new ArrayList<Object>(machines)))
        .put("users", new JsonArray(new ArrayList<Object>(users)))
        .put("user_filter", user)
        .put("rows", rowsJson)
        .put("user_rows", userRowsJson)
        .put("totals", totals.toJson())
        .put("timeseries", new JsonObject().put("granularity", range.granularity()).put("times", times)
            .put("by_machine", series).put("totals", seriesOfTotals(perPoint)));
  }

  /** Per time bucket, every machine together: {request_count: [...], input_tokens: [...], ...}. */
  private static JsonObject seriesOfTotals(UsageCounts[] perPoint) {
    JsonObject totals = new JsonObject();
    for (UsageCounts counts : perPoint) {
      JsonObject point = counts.toJson();
      for (String field : point.fieldNames()) {
        JsonArray values = totals.getJsonArray(field);
        if (values == null) {
          values = new JsonArray();
          totals.put(field, values);
        }
        values.add(point.getValue(field));
      }
    }
    return totals;
  }

  private static long floor(long seconds, long step) {
    return Math.floorDiv(seconds, step) * step;
  }
}
