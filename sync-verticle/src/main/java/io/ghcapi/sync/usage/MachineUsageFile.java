package io.ghcapi.sync.usage;

import io.ghcapi.bus.UsageCounts;
import io.ghcapi.sync.files.AtomicFiles;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * This machine's usage file in OneDrive, {@code agents/<machine>/token_usage_hourly.jl}: hour totals are
 * appended as they change; when the file holds many superseded lines it is rewritten (atomically) with one
 * line per hour and user. Only this machine writes it. Blocking: call on a worker thread.
 */
public final class MachineUsageFile {

  public static final String NAME = "token_usage_hourly.jl";
  /** The seed's file of delta lines, still read so a machine's earlier usage is not lost. */
  public static final String LEGACY_NAME = "token_usage.jl";

  private static final int COMPACT_SLACK = 50;

  private final Path file;
  private HourlyUsage written;
  private int linesInFile;

  public MachineUsageFile(Path machineDir) {
    this.file = machineDir.resolve(NAME);
  }

  /** What the file holds (read once, then kept up to date by {@link #append}). */
  public HourlyUsage written() throws IOException {
    if (written == null) {
      written = new HourlyUsage();
      UsageFileReader.Result result = UsageFileReader.read(file, written);
      linesInFile = result.lines() + result.skipped();
    }
    return written;
  }

  /** Appends hour-total lines (already applied to {@link #written()} by the caller), then compacts if due. */
  public void append(List<JsonObject> lines) throws IOException {
    if (lines.isEmpty()) {
      return;
    }
    written();
    StringBuilder text = new StringBuilder();
    if (!endsWithLineBreak()) {
      text.append('\n');
    }
    lines.forEach(line -> text.append(line.encode()).append('\n'));
    Files.createDirectories(file.getParent());
    Files.write(file, text.toString().getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    linesInFile += lines.size();
    if (linesInFile > 2 * written.hourUserPairs() + COMPACT_SLACK) {
      compact();
    }
  }

  /** Rewrites the file with one line per hour and user. */
  void compact() throws IOException {
    List<JsonObject> lines = new ArrayList<>();
    for (Map.Entry<Long, Map<UsageKey, UsageCounts>> hour : written().all().entrySet()) {
      TreeSet<String> users = new TreeSet<>();
      hour.getValue().keySet().forEach(key -> users.add(key.user()));
      lines.addAll(UsageLines.forHour(hour.getKey(), hour.getValue(), users));
    }
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append(line.encode()).append('\n'));
    AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    linesInFile = lines.size();
  }

  public Path path() {
    return file;
  }

  /** A line cut short by a crash must not swallow the next line written. */
  private boolean endsWithLineBreak() throws IOException {
    if (!Files.isRegularFile(file) || Files.size(file) == 0) {
      return true;
    }
    try (RandomAccessFile access = new RandomAccessFile(file.toFile(), "r")) {
      access.seek(access.length() - 1);
      return access.read() == '\n';
    }
  }
}
