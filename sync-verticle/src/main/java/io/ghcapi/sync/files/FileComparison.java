package io.ghcapi.sync.files;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One synced file read on both sides and judged: its local and OneDrive contents, their shared parts and
 * hashes, and the base hash from this machine's last sync of it. Blocking: build it on a worker thread.
 */
public record FileComparison(SyncedFile file, Path localPath, Path syncPath, byte[] local, byte[] sync,
    byte[] localShared, byte[] syncShared, JsonObject lastSync) {

  public static FileComparison read(SyncedFile file, Path localPath, Path syncPath, SyncRecords records)
      throws IOException {
    byte[] local = AtomicFiles.readOrNull(localPath);
    byte[] sync = AtomicFiles.readOrNull(syncPath);
    return new FileComparison(file, localPath, syncPath, local, sync, SharedContent.of(file, local),
        SharedContent.of(file, sync), records.entry(file));
  }

  public String localHash() {
    return ConfigHash.ofContent(localShared);
  }

  public String syncHash() {
    return ConfigHash.ofContent(syncShared);
  }

  public String baseHash() {
    return lastSync == null ? null : lastSync.getString("hash");
  }

  public SyncState state() {
    return SyncState.judge(localHash(), syncHash(), baseHash());
  }

  /** Why it is a conflict, in words; null otherwise. */
  public String conflictReason() {
    if (state() != SyncState.CONFLICT) {
      return null;
    }
    return baseHash() == null
        ? "both sides have this file, they differ, and this machine has never synced it: choose a direction"
        : "both this machine and OneDrive changed it since this machine last synced it";
  }

  public JsonObject toJson() {
    SyncState state = state();
    return new JsonObject()
        .put("label", file.label())
        .put("local_path", localPath.toString())
        .put("sync_path", syncPath.toString())
        .put("local_exists", local != null)
        .put("sync_exists", sync != null)
        .put("different", state != SyncState.IN_SYNC && state != SyncState.MISSING)
        .put("state", state.wireName())
        .put("conflict_reason", conflictReason())
        .put("local_hash", localHash())
        .put("sync_hash", syncHash())
        .put("base_hash", baseHash())
        .put("last_sync", lastSync)
        .put("local_modified_at", modified(localPath, local))
        .put("sync_modified_at", modified(syncPath, sync));
  }

  private static String modified(Path path, byte[] content) {
    if (content == null) {
      return null;
    }
    try {
      return Files.getLastModifiedTime(path).toInstant().toString();
    } catch (IOException e) {
      return null;
    }
  }
}
