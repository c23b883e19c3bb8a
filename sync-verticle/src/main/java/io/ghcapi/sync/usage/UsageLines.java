package io.ghcapi.sync.usage;

import io.ghcapi.bus.UsageCounts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The line format of the usage files, the seed's (§7.2) with one addition:
 * {@code {"timestamp", "period": "hour", "user_id", "models": [{model, request_count, input_tokens,
 * cache_creation_input_tokens, cache_read_input_tokens, output_tokens, total_tokens, data_sent, data_received,
 * total_data}]}}. With {@code period: hour} a line holds the totals of the hour starting at {@code timestamp}
 * for that user, and a later line for the same hour, user and model replaces an earlier one, so rewriting an
 * hour never counts it twice. A line without {@code period} is the seed's delta line and is added to the
 * hour it falls in.
 */
public final class UsageLines {

  public static final String HOUR_PERIOD = "hour";

  private UsageLines() {
  }

  /** One line per user for this hour, with every model of that user. */
  public static List<JsonObject> forHour(long hour, Map<UsageKey, UsageCounts> bucket, Iterable<String> users) {
    List<JsonObject> lines = new ArrayList<>();
    for (String user : users) {
      Map<String, UsageCounts> models = new TreeMap<>();
      bucket.forEach((key, counts) -> {
        if (key.user().equals(user)) {
          models.put(key.model(), counts);
        }
      });
      JsonArray modelsJson = new JsonArray();
      models.forEach((model, counts) -> modelsJson.add(new JsonObject().put("model", model).mergeIn(counts.toJson())));
      lines.add(new JsonObject().put("timestamp", hour).put("period", HOUR_PERIOD).put("user_id", user)
          .put("models", modelsJson));
    }
    return lines;
  }

  /** Applies one parsed line to a machine's usage; false when the line is not a usage line. */
  public static boolean apply(JsonObject line, HourlyUsage usage) {
    Object timestamp = line.getValue("timestamp");
    Object models = line.getValue("models");
    if (!(timestamp instanceof Number seconds) || !(models instanceof JsonArray list)) {
      return false;
    }
    String user = line.getValue("user_id") instanceof String id && !id.isBlank() ? id : "anonymous";
    boolean hourTotals = HOUR_PERIOD.equals(line.getValue("period"));
    long hour = HourlyUsage.hourOf((long) Math.floor(seconds.doubleValue()));
    for (Object item : list) {
      if (item instanceof JsonObject model && model.getValue("model") instanceof String name) {
        UsageKey key = new UsageKey(user, name);
        UsageCounts counts = UsageCounts.fromJson(model);
        if (hourTotals) {
          usage.set(hour, key, counts);
        } else {
          usage.add(hour, key, counts);
        }
      }
    }
    return true;
  }
}
