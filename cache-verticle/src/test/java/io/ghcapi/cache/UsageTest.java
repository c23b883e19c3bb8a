package io.ghcapi.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.bus.Addresses;
import io.ghcapi.bus.BusErrorCode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The token-usage ledger: hourly buckets placed by the record's own time, ranges, user filter. */
@ExtendWith(VertxExtension.class)
class UsageTest {

  private static final long HOUR = 3600;

  @TempDir
  Path dir;

  @Test
  void bucketsByTheRecordsHourAndAnswersEachRange(Vertx vertx) {
    String deployment = Bus.deploy(vertx, Bus.config(dir, "laptop"));
    long now = System.currentTimeMillis() / 1000;
    Bus.completed(vertx, Records.completed("now", "laptop", now));
    Bus.completed(vertx, Records.completed("two-hours", "server", now - 2 * HOUR).put("user_id", "bob"));
    Bus.completed(vertx, Records.completed("ten-days", "laptop", now - 240 * HOUR));
    JsonArray old = new JsonArray()
        .add(Records.completed("forty-days", "laptop", now - 960 * HOUR).encode())
        .add(Records.completed("ancient", "laptop", now - 500 * 24 * HOUR).encode());
    Bus.awaitTotal(vertx, 3);
    Bus.request(vertx, Addresses.HISTORY_IMPORT, new JsonObject().put("lines", old));

    JsonObject hour = usage(vertx, "hour", null);
    assertEquals(1, hour.getJsonObject("totals").getLong("request_count"), "only this hour's record");
    assertEquals(List.of("laptop"), hour.getJsonArray("machines").getList());
    JsonObject day = usage(vertx, "day", null);
    assertEquals(2, day.getJsonObject("totals").getLong("request_count"));
    assertEquals("hour", day.getJsonObject("timeseries").getString("granularity"));
    assertEquals(List.of("laptop", "server"), day.getJsonArray("machines").getList());
    assertEquals(List.of("alice", "bob"), day.getJsonArray("users").getList());
    JsonObject series = day.getJsonObject("timeseries");
    int points = series.getJsonArray("times").size();
    assertTrue(points >= 24 && points <= 26, "hourly points over a day: " + points);
    assertEquals(20, last(series.getJsonObject("by_machine").getJsonArray("laptop")), "tokens in this hour");
    long serverHour = Math.floorDiv(now - 2 * HOUR, HOUR) * HOUR;
    int serverIndex = series.getJsonArray("times").getList().indexOf(serverHour);
    assertEquals(20, series.getJsonObject("by_machine").getJsonArray("server").getLong(serverIndex));

    JsonObject week = usage(vertx, null, null);
    assertEquals("week", week.getString("range"));
    assertEquals("day", week.getJsonObject("timeseries").getString("granularity"));
    assertEquals(2, week.getJsonObject("totals").getLong("request_count"));
    assertEquals(3, usage(vertx, "month", null).getJsonObject("totals").getLong("request_count"));
    JsonObject all = usage(vertx, "all", null);
    assertEquals(4, all.getJsonObject("totals").getLong("request_count"), "older than the retention is not kept");

    JsonObject row = all.getJsonArray("rows").getJsonObject(0);
    assertEquals("laptop", row.getString("machine"));
    assertEquals("gpt-4.1", row.getString("model_id"));
    assertEquals(3, row.getLong("request_count"));
    assertEquals(30, row.getLong("input_tokens"));
    assertEquals(6, row.getLong("cache_creation_input_tokens"));
    assertEquals(9, row.getLong("cache_read_input_tokens"));
    assertEquals(15, row.getLong("output_tokens"));
    assertEquals(60, row.getLong("total_tokens"));
    assertEquals(300, row.getLong("data_sent"));
    assertEquals(750, row.getLong("data_received"));
    assertEquals(1050, row.getLong("total_data"));

    JsonObject bob = usage(vertx, "month", "bob");
    assertEquals("bob", bob.getString("user_filter"));
    assertEquals(1, bob.getJsonObject("totals").getLong("request_count"));
    assertEquals("bob", bob.getJsonArray("user_rows").getJsonObject(0).getString("user_id"));
    assertEquals("server", bob.getJsonArray("rows").getJsonObject(0).getString("machine"));

    Bus.undeploy(vertx, deployment);
    Bus.deploy(vertx, Bus.config(dir, "laptop"));
    assertEquals(4, usage(vertx, "all", null).getJsonObject("totals").getLong("request_count"), "usage is persisted");
  }

  @Test
  void theSeriesOfTotalsCountsRequestsAndTokensOfEveryMachinePerBucket(Vertx vertx) {
    Bus.deploy(vertx, Bus.config(dir, "laptop").put("persist", false));
    long now = System.currentTimeMillis() / 1000;
    Bus.completed(vertx, Records.completed("a", "laptop", now));
    Bus.completed(vertx, Records.completed("b", "server", now));
    Bus.completed(vertx, Records.completed("c", "laptop", now - 3 * HOUR));
    Bus.awaitTotal(vertx, 3);

    JsonObject series = usage(vertx, "day", null).getJsonObject("timeseries");
    JsonArray times = series.getJsonArray("times");
    JsonObject totals = series.getJsonObject("totals");
    for (String field : List.of("request_count", "input_tokens", "output_tokens", "cache_creation_input_tokens",
        "cache_read_input_tokens", "total_tokens", "data_sent", "data_received", "total_data")) {
      assertEquals(times.size(), totals.getJsonArray(field).size(), field + " has one value per bucket");
    }
    assertEquals(2, last(totals.getJsonArray("request_count")), "both machines in this hour");
    assertEquals(20, last(totals.getJsonArray("input_tokens")));
    assertEquals(10, last(totals.getJsonArray("output_tokens")));
    assertEquals(40, last(totals.getJsonArray("total_tokens")));
    int earlier = times.getList().indexOf(Math.floorDiv(now - 3 * HOUR, HOUR) * HOUR);
    assertEquals(1, totals.getJsonArray("request_count").getLong(earlier));
    long sum = totals.getJsonArray("request_count").stream().mapToLong(v -> ((Number) v).longValue()).sum();
    assertEquals(3, sum, "no request counted twice");

    JsonObject bobOnly = usage(vertx, "day", "bob").getJsonObject("timeseries").getJsonObject("totals");
    assertEquals(0, bobOnly.getJsonArray("request_count").stream().mapToLong(v -> ((Number) v).longValue()).sum(),
        "the series follows the user filter");
  }

  @Test
  void aBadRangeIsABadRequest(Vertx vertx) {
    Bus.deploy(vertx, Bus.config(dir, "laptop").put("persist", false));
    assertEquals(BusErrorCode.BAD_REQUEST.code(),
        Bus.failure(vertx, Addresses.USAGE_GET, new JsonObject().put("range", "fortnight")).failureCode());
  }

  private static JsonObject usage(Vertx vertx, String range, String user) {
    return Bus.request(vertx, Addresses.USAGE_GET, new JsonObject().put("range", range).put("user", user));
  }

  private static long last(JsonArray values) {
    return values.getLong(values.size() - 1);
  }
}
