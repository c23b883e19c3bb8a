package io.ghcapi.sync.files;

import io.ghcapi.sync.onedrive.OneDriveLayout;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Config sync through a found OneDrive (seed §8.2–8.5): status, diff, push and pull of the three files,
 * with backups before every overwrite on either side, atomic writes, the per-machine hash files and the
 * last-sync record that turns "both sides changed" into a reported conflict rather than a lost edit.
 * File contents are never logged. Blocking, and not safe for concurrent use: run its calls one at a time on
 * a worker thread.
 */
public final class ConfigSync {

  private static final Logger LOG = Logger.getLogger(ConfigSync.class.getName());

  /** Which way a sync copies. */
  public enum Direction {
    PUSH, PULL
  }

  private final OneDriveLayout layout;
  private final LocalFiles localFiles;
  private final Backups backups;
  private final Clock clock;

  public ConfigSync(OneDriveLayout layout, LocalFiles localFiles, Backups backups, Clock clock) {
    this.layout = layout;
    this.localFiles = localFiles;
    this.backups = backups;
    this.clock = clock;
  }

  /** Status of every file (seed §8.4 shape, plus states), refreshing the hash files first (§8.3). */
  public JsonObject status() throws IOException {
    SyncRecords records = records();
    Map<SyncedFile, FileComparison> compared = compareAll(records);
    JsonObject hashes = refreshHashes(compared);
    JsonObject files = new JsonObject();
    JsonArray conflicts = new JsonArray();
    boolean differences = false;
    boolean hasSyncFiles = false;
    for (FileComparison comparison : compared.values()) {
      SyncState state = comparison.state();
      if (state == SyncState.IN_SYNC && !comparison.localHash().equals(comparison.baseHash())) {
        records.record(comparison.file(), comparison.localHash(), "seen_in_sync", clock.instant());
        comparison = FileComparison.read(comparison.file(), comparison.localPath(), comparison.syncPath(), records);
      }
      files.put(comparison.file().key(), comparison.toJson());
      differences |= state != SyncState.IN_SYNC && state != SyncState.MISSING;
      hasSyncFiles |= comparison.sync() != null;
      if (state == SyncState.CONFLICT) {
        conflicts.add(comparison.file().key());
      }
    }
    return base()
        .put("has_sync_files", hasSyncFiles)
        .put("has_differences", differences)
        .put("conflicts", conflicts)
        .put("files", files)
        .put("hashes", hashes.getJsonObject("values"))
        .put("hash_paths", new JsonObject().put("config_sync_hash", sharedHashFile().toString())
            .put("agent_hash", machineHashFile().toString()))
        .put("hash_refreshed", hashes.getJsonArray("refreshed"))
        .put("hash_errors", hashes.getJsonArray("errors"));
  }

  /** The differences of one file's shared content, OneDrive copy against this machine, secrets hidden. */
  public JsonObject diff(SyncedFile file) throws IOException {
    FileComparison comparison = FileComparison.read(file, localFiles.path(file), syncPath(file), records());
    return base().put("file", file.key()).put("state", comparison.state().wireName())
        .mergeIn(DiffView.of(comparison.syncShared(), comparison.localShared()));
  }

  public SyncOutcome push(Collection<SyncedFile> wanted, boolean force) throws IOException {
    return copy(Direction.PUSH, wanted, force);
  }

  public SyncOutcome pull(Collection<SyncedFile> wanted, boolean force) throws IOException {
    if (!Files.isDirectory(layout.syncRoot())) {
      return new SyncOutcome(400, error("nothing_to_pull", "There is no " + layout.syncRoot()
          + " yet: push from a machine first.").put("sync_root", layout.syncRoot().toString()));
    }
    return copy(Direction.PULL, wanted, force);
  }

  /** The seed's config-hashes answer: the shared hash and every machine's, read where they are written. */
  public JsonObject hashes() throws IOException {
    JsonObject refreshed = refreshHashes(compareAll(records()));
    String sharedHash = HashFiles.readHash(sharedHashFile());
    JsonArray machines = new JsonArray();
    for (Path machineDir : machineDirs()) {
      String machine = machineDir.getFileName().toString();
      JsonObject info = HashFiles.describe(machineDir.resolve(HashFiles.NAME)).put("machine", machine)
          .put("this_machine", machine.equals(layout.machine()));
      if (info.getBoolean("exists")) {
        info.put("matches_shared", sharedHash != null && sharedHash.equals(info.getString("hash")));
        machines.add(info);
      }
    }
    return base().put("shared_hash", HashFiles.describe(sharedHashFile())).put("machines", machines)
        .put("hash_refreshed", refreshed.getJsonArray("refreshed")).put("hash_errors", refreshed.getJsonArray("errors"));
  }

  private SyncOutcome copy(Direction direction, Collection<SyncedFile> wanted, boolean force) throws IOException {
    SyncRecords records = records();
    Map<SyncedFile, FileComparison> compared = compareAll(records);
    JsonObject blocked = new JsonObject();
    for (SyncedFile file : wanted) {
      String reason = SyncPlan.blockReason(direction, compared.get(file));
      if (reason != null && !force) {
        blocked.put(file.key(), new JsonObject().put("state", compared.get(file).state().wireName()).put("reason", reason));
      }
    }
    if (!blocked.isEmpty()) {
      LOG.info(() -> "config sync: " + direction.name().toLowerCase() + " refused, nothing written: " + blocked.fieldNames());
      return new SyncOutcome(409, error("sync_conflict", refusal(direction, blocked)).put("ok", false)
          .put("blocked", blocked).put("status", status()));
    }
    JsonObject results = new JsonObject();
    JsonObject copied = new JsonObject();
    JsonObject skipped = new JsonObject();
    JsonObject backupsMade = new JsonObject();
    for (SyncedFile file : wanted) {
      FileComparison comparison = compared.get(file);
      SyncPlan.Step step = SyncPlan.step(direction, comparison);
      JsonObject result = new JsonObject().put("state_before", comparison.state().wireName());
      if (step == SyncPlan.Step.COPY) {
        Path backup = direction == Direction.PUSH ? pushOne(comparison) : pullOne(comparison);
        records.record(file, ConfigHash.ofContent(direction == Direction.PUSH ? comparison.localShared()
            : comparison.syncShared()), direction.name().toLowerCase(), clock.instant());
        Path written = direction == Direction.PUSH ? comparison.syncPath() : comparison.localPath();
        copied.put(file.key(), written.toString());
        result.put("result", "copied").put("path", written.toString());
        if (backup != null) {
          backupsMade.put(file.key(), backup.toString());
          result.put("backup", backup.toString());
        }
      } else if (step == SyncPlan.Step.UNCHANGED) {
        records.record(file, comparison.localHash(), "seen_in_sync", clock.instant());
        result.put("result", "unchanged");
      } else {
        String reason = SyncPlan.skipReason(direction, comparison);
        skipped.put(file.key(), reason);
        result.put("result", "skipped").put("reason", reason);
      }
      results.put(file.key(), result);
    }
    LOG.info(() -> "config sync: " + direction.name().toLowerCase() + " copied " + copied.fieldNames()
        + (backupsMade.isEmpty() ? "" : ", backups " + backupsMade.getMap().values()));
    JsonObject body = base().put("ok", true).put("action", direction.name().toLowerCase()).put("forced", force)
        .put("results", results).put("copied", copied).put("skipped", skipped).put("backups", backupsMade);
    if (direction == Direction.PULL) {
      body.put("restored", copied);
    }
    return new SyncOutcome(200, body.put("status", status()));
  }

  /** OneDrive copy ← local shared content; the copy it replaces is backed up first. */
  private Path pushOne(FileComparison comparison) throws IOException {
    Path backup = comparison.sync() == null ? null : backups.into(comparison.syncPath(), layout.syncBackups());
    AtomicFiles.write(comparison.syncPath(), comparison.localShared());
    return backup;
  }

  /** Local file ← OneDrive copy (Codex: with this machine's projects); the local file is backed up first. */
  private Path pullOne(FileComparison comparison) throws IOException {
    Path backup = comparison.local() == null ? null : backups.besideFile(comparison.localPath());
    AtomicFiles.write(comparison.localPath(),
        SharedContent.mergeForLocal(comparison.file(), comparison.sync(), comparison.local()));
    return backup;
  }

  private Map<SyncedFile, FileComparison> compareAll(SyncRecords records) throws IOException {
    Map<SyncedFile, FileComparison> compared = new EnumMap<>(SyncedFile.class);
    for (SyncedFile file : SyncedFile.values()) {
      compared.put(file, FileComparison.read(file, localFiles.path(file), syncPath(file), records));
    }
    return compared;
  }

  /** Writes this machine's hash and the shared copies' hash where they changed (seed §8.3). */
  private JsonObject refreshHashes(Map<SyncedFile, FileComparison> compared) {
    Map<SyncedFile, byte[]> local = new EnumMap<>(SyncedFile.class);
    Map<SyncedFile, byte[]> shared = new EnumMap<>(SyncedFile.class);
    compared.forEach((file, comparison) -> {
      local.put(file, comparison.localShared());
      shared.put(file, comparison.syncShared());
    });
    String machineHash = ConfigHash.of(local);
    String sharedHash = ConfigHash.of(shared);
    JsonArray refreshed = new JsonArray();
    JsonArray errors = new JsonArray();
    try {
      if (HashFiles.writeIfChanged(machineHashFile(), machineHash)) {
        refreshed.add(machineHashFile().toString());
      }
    } catch (IOException e) {
      errors.add(machineHashFile() + ": " + e.getMessage());
    }
    if (Files.isDirectory(layout.syncRoot())) {
      try {
        if (HashFiles.writeIfChanged(sharedHashFile(), sharedHash)) {
          refreshed.add(sharedHashFile().toString());
        }
      } catch (IOException e) {
        errors.add(sharedHashFile() + ": " + e.getMessage());
      }
    }
    JsonObject values = new JsonObject().put("this_machine", machineHash).put("shared", sharedHash)
        .put("in_sync", machineHash.equals(sharedHash));
    return new JsonObject().put("values", values).put("refreshed", refreshed).put("errors", errors);
  }

  private List<Path> machineDirs() throws IOException {
    List<Path> dirs = new ArrayList<>();
    if (!Files.isDirectory(layout.agentsRoot())) {
      return dirs;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(layout.agentsRoot(), Files::isDirectory)) {
      stream.forEach(dirs::add);
    }
    dirs.sort(null);
    return dirs;
  }

  private JsonObject base() {
    return new JsonObject()
        .put("enabled", true)
        .put("onedrive_access_disabled", false)
        .put("onedrive_path", layout.oneDrive().toString())
        .put("machine", layout.machine())
        .put("sync_root", layout.syncRoot().toString())
        .put("agent_root", layout.machineDir().toString());
  }

  private static String refusal(Direction direction, JsonObject blocked) {
    String files = String.join(", ", blocked.fieldNames());
    return (direction == Direction.PUSH ? "Push" : "Pull") + " refused for " + files
        + ": it would overwrite changes made since this machine last synced. Nothing was written. Look at the"
        + " differences, then repeat with force to overwrite (a backup is kept).";
  }

  static JsonObject error(String code, String message) {
    return new JsonObject().put("error", new JsonObject().put("code", code).put("message", message));
  }

  private SyncRecords records() {
    return new SyncRecords(layout.machineDir(), layout.machine());
  }

  private Path syncPath(SyncedFile file) {
    return layout.syncRoot().resolve(file.syncName());
  }

  private Path machineHashFile() {
    return layout.machineDir().resolve(HashFiles.NAME);
  }

  private Path sharedHashFile() {
    return layout.syncRoot().resolve(HashFiles.NAME);
  }
}
