package io.ghcapi.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.bus.UsageRange;
import io.ghcapi.sync.usage.HourlyUsage;
import io.ghcapi.sync.usage.MachineUsageFile;
import io.ghcapi.sync.usage.MachineUsageMerge;
import io.ghcapi.sync.usage.UsageReconciler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed §7.2: each machine writes its own hourly usage; the overview merges every machine's file. */
class MachineUsageTest {

  static final long H = 3600;
  /** 2025-11-26 10:00:00 UTC, an hour start. */
  static final long T0 = 1_764_151_200L;

  @TempDir
  Path root;

  @Test
  void theCurrentHourIsTheLedgersWindowLessTheHoursAlreadyWrittenAndRewritingChangesNothing() throws Exception {
    HourlyUsage written = new HourlyUsage();
    List<JsonObject> first = UsageReconciler.reconcile(ledger(T0 - 86_400, row("laptop", "alice", "gpt-5", 2, 100, 10),
        row("other-node", "bob", "gpt-5", 9, 900, 90)), "laptop", written, T0 + 60);
    assertEquals(1, first.size(), "one line for the one user of this node that changed");
    assertEquals(T0, first.get(0).getLong("timestamp"));
    assertEquals("hour", first.get(0).getString("period"));
    assertEquals(2, first.get(0).getJsonArray("models").getJsonObject(0).getInteger("request_count"));

    assertEquals(List.of(), UsageReconciler.reconcile(ledger(T0 - 86_400, row("laptop", "alice", "gpt-5", 2, 100, 10)),
        "laptop", written, T0 + 120), "the same numbers again write nothing");

    List<JsonObject> nextHour = UsageReconciler.reconcile(ledger(T0 - 86_400 + H,
        row("laptop", "alice", "gpt-5", 5, 250, 25), row("laptop", "alice", "claude-haiku-4.5", 1, 7, 3)),
        "laptop", written, T0 + H + 30);
    JsonArray models = nextHour.get(0).getJsonArray("models");
    assertEquals(T0 + H, nextHour.get(0).getLong("timestamp"));
    assertEquals("claude-haiku-4.5", models.getJsonObject(0).getString("model"));
    assertEquals(3, models.getJsonObject(1).getInteger("request_count"), "5 in the window − 2 written for 10:00");
    assertEquals(150 + 15, models.getJsonObject(1).getInteger("total_tokens"));
  }

  @Test
  void afterARestartTheFileTellsWhatWasWrittenSoNothingCountsTwice() throws Exception {
    Path machineDir = root.resolve("agents/laptop");
    MachineUsageFile file = new MachineUsageFile(machineDir);
    file.append(UsageReconciler.reconcile(ledger(T0 - 86_400, row("laptop", "alice", "gpt-5", 2, 100, 10)), "laptop",
        file.written(), T0 + 60));

    MachineUsageFile reopened = new MachineUsageFile(machineDir);
    List<JsonObject> lines = UsageReconciler.reconcile(ledger(T0 - 86_400 + H, row("laptop", "alice", "gpt-5", 3, 130, 13)),
        "laptop", reopened.written(), T0 + H + 5);
    reopened.append(lines);

    JsonObject overview = MachineUsageMerge.read(root.resolve("agents")).toJson(UsageRange.DAY, null, T0 + H + 5);
    assertEquals(3, overview.getJsonObject("totals").getInteger("request_count"), "2 + 1, not 2 + 3");
  }

  @Test
  void threeMachinesMergeByMachineAndModelAndATornLastLineIsSkipped() throws Exception {
    Path agents = root.resolve(".ghc-api/agents");
    writeLines(agents.resolve("laptop_Linux/token_usage_hourly.jl"),
        hourLine(T0, "alice", "gpt-5", 3, 300, 30),
        hourLine(T0, "alice", "gpt-5", 4, 400, 40),
        hourLine(T0 + H, "alice", "claude-sonnet-4.5", 1, 1000, 100));
    writeLines(agents.resolve("desktop_WSL/token_usage_hourly.jl"),
        hourLine(T0, "bob", "gpt-5", 2, 200, 20));
    Files.writeString(agents.resolve("desktop_WSL/token_usage_hourly.jl"),
        "{\"timestamp\":" + (T0 + H) + ",\"period\":\"hour\",\"user_id\":\"bob\",\"models\":[{\"model\":\"gpt-5\",\"requ",
        StandardOpenOption.APPEND);
    writeLines(agents.resolve("server_Win/token_usage.jl"),
        "{\"timestamp\": " + (T0 + 120) + ", \"user_id\": \"carol\", \"models\": [{\"model\": \"gpt-5\", \"request_count\": 1,"
            + " \"input_tokens\": 50, \"output_tokens\": 5, \"total_tokens\": 999}]}",
        "{\"timestamp\": " + (T0 + 900) + ", \"models\": [{\"model\": \"gpt-5\", \"request_count\": 1, \"input_tokens\": 50,"
            + " \"output_tokens\": 5}]}");
    Files.createDirectories(agents.resolve("empty_Linux"));

    JsonObject merged = MachineUsageMerge.read(agents).toJson(UsageRange.DAY, null, T0 + H + 600);
    System.out.println("MERGED_USAGE " + merged.encodePrettily());

    assertEquals(new JsonArray().add("desktop_WSL").add("laptop_Linux").add("server_Win"), merged.getJsonArray("machines"));
    assertEquals(new JsonArray().add("claude-sonnet-4.5").add("gpt-5"), merged.getJsonArray("models"));
    assertEquals(new JsonArray().add("alice").add("anonymous").add("bob").add("carol"), merged.getJsonArray("users"));
    assertEquals(1, merged.getInteger("skipped_lines"));
    JsonObject desktopFile = merged.getJsonArray("files").getJsonObject(0);
    assertTrue(desktopFile.getBoolean("last_line_torn"), desktopFile.encode());
    JsonObject totals = merged.getJsonObject("totals");
    assertEquals(4 + 1 + 2 + 2, totals.getInteger("request_count"), "the later 10:00 line replaced the earlier one");
    assertEquals(440 + 1100 + 220 + 110, totals.getInteger("total_tokens"), "totals recomputed, never read");
    JsonObject series = merged.getJsonObject("timeseries");
    assertEquals("hour", series.getString("granularity"));
    JsonArray times = series.getJsonArray("times");
    assertEquals(T0 + H, times.getLong(times.size() - 1));
    JsonArray laptopGpt = series.getJsonObject("by_machine_model").getJsonObject("laptop_Linux").getJsonArray("gpt-5");
    assertEquals(440, laptopGpt.getLong(times.size() - 2));
    assertEquals(0, laptopGpt.getLong(times.size() - 1));
    assertEquals(1100, series.getJsonObject("by_model").getJsonArray("claude-sonnet-4.5").getLong(times.size() - 1));
    assertEquals(440 + 220 + 110, series.getJsonObject("by_model").getJsonArray("gpt-5").getLong(times.size() - 2));

    JsonObject bobOnly = MachineUsageMerge.read(agents).toJson(UsageRange.DAY, "bob", T0 + H + 600);
    assertEquals(2, bobOnly.getJsonObject("totals").getInteger("request_count"));
    JsonObject lastHour = MachineUsageMerge.read(agents).toJson(UsageRange.HOUR, null, T0 + 2 * H + 600);
    assertEquals(1, lastHour.getJsonObject("totals").getInteger("request_count"), "only 11:00 and 12:00 are in range");
  }

  @Test
  void aFileWithManySupersededLinesIsCompactedToOneLinePerHourAndUser() throws Exception {
    MachineUsageFile file = new MachineUsageFile(root.resolve("agents/laptop"));
    for (int i = 1; i <= 120; i++) {
      file.append(UsageReconciler.reconcile(ledger(T0 - 86_400, row("laptop", "alice", "gpt-5", i, 10L * i, i)),
          "laptop", file.written(), T0 + i));
    }
    long lines = Files.readAllLines(file.path()).size();
    assertTrue(lines < 60, "compacted: " + lines + " lines");
    JsonObject overview = MachineUsageMerge.read(root.resolve("agents")).toJson(UsageRange.DAY, null, T0 + 200);
    assertEquals(120, overview.getJsonObject("totals").getInteger("request_count"));
  }

  static JsonObject ledger(long windowStart, JsonObject... rows) {
    JsonArray userRows = new JsonArray();
    for (JsonObject row : rows) {
      userRows.add(row);
    }
    return new JsonObject().put("range", "day").put("user_rows", userRows)
        .put("timeseries", new JsonObject().put("times", new JsonArray().add(windowStart)));
  }

  static JsonObject row(String machine, String user, String model, long requests, long input, long output) {
    return new JsonObject().put("machine", machine).put("user_id", user).put("model_id", model)
        .put("request_count", requests).put("input_tokens", input).put("output_tokens", output)
        .put("cache_creation_input_tokens", 0).put("cache_read_input_tokens", 0)
        .put("data_sent", input * 4).put("data_received", output * 4);
  }

  static String hourLine(long hour, String user, String model, long requests, long input, long output) {
    return new JsonObject().put("timestamp", hour).put("period", "hour").put("user_id", user)
        .put("models", new JsonArray().add(new JsonObject().put("model", model).put("request_count", requests)
            .put("input_tokens", input).put("output_tokens", output))).encode();
  }

  static void writeLines(Path file, String... lines) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n");
  }
}
