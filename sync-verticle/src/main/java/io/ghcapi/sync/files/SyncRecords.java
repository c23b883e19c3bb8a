package io.ghcapi.sync.files;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * This machine's last-sync record, {@code agents/<machine>/sync_state.json}: per file, the hash of the shared
 * content as it was after the last push or pull, which is the common base that tells "this side changed"
 * from "the other side changed" from "both changed" (a conflict). Blocking: call on a worker thread.
 */
public final class SyncRecords {

  public static final String NAME = "sync_state.json";

  private final Path file;
  private final String machine;
  private JsonObject files;

  public SyncRecords(Path machineDir, String machine) {
    this.file = machineDir.resolve(NAME);
    this.machine = machine;
  }

  /** The hash both sides had after the last sync of this file, or null when it never synced. */
  public String baseHash(SyncedFile synced) throws IOException {
    JsonObject entry = load().getJsonObject(synced.key());
    return entry == null ? null : entry.getString("hash");
  }

  public JsonObject entry(SyncedFile synced) throws IOException {
    return load().getJsonObject(synced.key());
  }

  /** Records that both sides now hold content with this hash. */
  public void record(SyncedFile synced, String hash, String action, Instant at) throws IOException {
    JsonObject entry = load().getJsonObject(synced.key());
    if (entry != null && hash.equals(entry.getString("hash")) && action.equals("seen_in_sync")) {
      return;
    }
    load().put(synced.key(), new JsonObject().put("hash", hash).put("action", action).put("at", at.toString()));
    JsonObject document = new JsonObject().put("version", 1).put("machine", machine).put("files", files);
    AtomicFiles.write(file, document.encodePrettily().getBytes(StandardCharsets.UTF_8));
  }

  public Path file() {
    return file;
  }

  private JsonObject load() throws IOException {
    if (files == null) {
      byte[] content = AtomicFiles.readOrNull(file);
      JsonObject parsed = null;
      if (content != null) {
        try {
          parsed = new JsonObject(new String(content, StandardCharsets.UTF_8)).getJsonObject("files");
        } catch (DecodeException | ClassCastException e) {
          parsed = null;
        }
      }
      files = parsed == null ? new JsonObject() : parsed;
    }
    return files;
  }
}
