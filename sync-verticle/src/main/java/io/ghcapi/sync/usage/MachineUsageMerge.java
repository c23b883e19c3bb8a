package io.ghcapi.sync.usage;

import io.ghcapi.bus.UsageCounts;
import io.ghcapi.bus.UsageRange;
import io.ghcapi.sync.onedrive.MachineName;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every machine's usage from its folder under {@code agents/} in OneDrive ({@link MachineUsageFile#NAME}, and
 * the seed's {@link MachineUsageFile#LEGACY_NAME}), merged into rows and time series by machine and model for
 * a range. Unreadable lines, such as a last line still being synced, are skipped and counted. Blocking: call
 * on a worker thread.
 */
public final class MachineUsageMerge {

  private final Map<String, HourlyUsage> machines = new TreeMap<>();
  private final JsonArray files = new JsonArray();
  private int skippedLines;

  /** No machine at all (syncing off or no OneDrive). */
  public static MachineUsageMerge empty() {
    return new MachineUsageMerge();
  }

  public static MachineUsageMerge read(Path agentsRoot) throws IOException {
    MachineUsageMerge merge = new MachineUsageMerge();
    if (!Files.isDirectory(agentsRoot)) {
      return merge;
    }
    List<Path> dirs = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(agentsRoot, Files::isDirectory)) {
      stream.forEach(dirs::add);
    }
    dirs.sort(null);
    for (Path dir : dirs) {
      String machine = dir.getFileName().toString();
      if (MachineName.isSafe(machine)) {
        merge.readMachine(machine, dir);
      }
    }
    return merge;
  }

  private void readMachine(String machine, Path dir) throws IOException {
    HourlyUsage usage = new HourlyUsage();
    boolean any = false;
    for (String name : new String[] {MachineUsageFile.NAME, MachineUsageFile.LEGACY_NAME}) {
      Path file = dir.resolve(name);
      if (!Files.isRegularFile(file)) {
        continue;
      }
      HourlyUsage fromFile = new HourlyUsage();
      UsageFileReader.Result result = UsageFileReader.read(file, fromFile);
      usage.addAll(fromFile);
      any = true;
      skippedLines += result.skipped();
      files.add(new JsonObject().put("machine", machine).put("path", file.toString()).put("lines", result.lines())
          .put("skipped_lines", result.skipped()).put("last_line_torn", result.lastLineTorn()));
    }
    if (any) {
      machines.put(machine, usage);
    }
  }

  /**
   * {@code {range, granularity, machines, models, users, user_filter, rows, totals, timeseries: {granularity,
   * times, by_machine, by_model, by_machine_model}, files, skipped_lines}}; token series count total tokens.
   *
   * @param user only this user's usage, or null for everyone
   */
  public JsonObject toJson(UsageRange range, String user, long nowSeconds) {
    long cutoff = range.cutoff(nowSeconds);
    long firstHour = cutoff != Long.MIN_VALUE ? HourlyUsage.hourOf(cutoff)
        : machines.values().stream().filter(u -> !u.isEmpty()).mapToLong(u -> u.all().firstKey()).min()
            .orElse(HourlyUsage.hourOf(nowSeconds));
    long step = range.stepSeconds();
    long start = Math.floorDiv(firstHour, step) * step;
    long end = Math.floorDiv(nowSeconds, step) * step;
    int points = (int) Math.max(1, (end - start) / step + 1);

    TreeSet<String> models = new TreeSet<>();
    TreeSet<String> users = new TreeSet<>();
    Map<String, Map<String, UsageCounts>> rows = new TreeMap<>();
    Map<String, Map<String, long[]>> byMachineModel = new TreeMap<>();
    UsageCounts totals = new UsageCounts();
    long from = firstHour;
    machines.forEach((machine, usage) -> usage.forEach(from, (hour, key, counts) -> {
      users.add(key.user());
      if (user != null && !user.equals(key.user())) {
        return;
      }
      models.add(key.model());
      rows.computeIfAbsent(machine, m -> new TreeMap<>()).computeIfAbsent(key.model(), m -> new UsageCounts())
          .add(counts);
      totals.add(counts);
      int point = (int) Math.min(points - 1, Math.max(0, (Math.floorDiv(hour, step) * step - start) / step));
      byMachineModel.computeIfAbsent(machine, m -> new TreeMap<>())
          .computeIfAbsent(key.model(), m -> new long[points])[point] += counts.totalTokens();
    }));

    JsonArray rowsJson = new JsonArray();
    rows.forEach((machine, perModel) -> perModel.forEach((model, counts) ->
        rowsJson.add(new JsonObject().put("machine", machine).put("model_id", model).mergeIn(counts.toJson()))));
    JsonArray times = new JsonArray();
    for (int i = 0; i < points; i++) {
      times.add(start + i * step);
    }
    JsonObject byMachine = new JsonObject();
    JsonObject byModel = new JsonObject();
    JsonObject byMachineModelJson = new JsonObject();
    Map<String, long[]> modelSums = new TreeMap<>();
    for (String machine : machines.keySet()) {
      long[] machineSum = new long[points];
      JsonObject perModel = new JsonObject();
      byMachineModel.getOrDefault(machine, Map.of()).forEach((model, values) -> {
        long[] modelSum = modelSums.computeIfAbsent(model, m -> new long[points]);
        for (int i = 0; i < points; i++) {
          machineSum[i] += values[i];
          modelSum[i] += values[i];
        }
        perModel.put(model, series(values));
      });
      byMachine.put(machine, series(machineSum));
      byMachineModelJson.put(machine, perModel);
    }
    modelSums.forEach((model, values) -> byModel.put(model, series(values)));
    return new JsonObject()
        .put("range", range.wireName())
        .put("granularity", range.granularity())
        .put("machines", new JsonArray(new ArrayList<Object>(machines.keySet())))
        .put("models", new JsonArray(new ArrayList<Object>(models)))
        .put("users", new JsonArray(new ArrayList<Object>(users)))
        .put("user_filter", user)
        .put("rows", rowsJson)
        .put("totals", totals.toJson())
        .put("timeseries", new JsonObject().put("granularity", range.granularity()).put("times", times)
            .put("by_machine", byMachine).put("by_model", byModel).put("by_machine_model", byMachineModelJson))
        .put("files", files)
        .put("skipped_lines", skippedLines);
  }

  private static JsonArray series(long[] values) {
    JsonArray array = new JsonArray();
    for (long value : values) {
      array.add(value);
    }
    return array;
  }
}
