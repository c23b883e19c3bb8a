package io.ghcapi.sync.files;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;

/**
 * A {@code config.sha1} file (seed §8.3): the hash in hex and a line break. This machine's is written to
 * {@code agents/<machine>/config.sha1} and read back from the same place, for every machine (the seed wrote
 * there but read {@code agents/<machine>/ghc-api/config.sha1} first). Blocking: call on a worker thread.
 */
public final class HashFiles {

  public static final String NAME = "config.sha1";

  private HashFiles() {
  }

  /** Writes the hash when the file holds another one (or none); true when it wrote. */
  public static boolean writeIfChanged(Path file, String hash) throws IOException {
    if (hash.equals(readHash(file))) {
      return false;
    }
    AtomicFiles.write(file, (hash + "\n").getBytes(StandardCharsets.UTF_8));
    return true;
  }

  /** The hash in the file, or null when there is none or it is not a hash. */
  public static String readHash(Path file) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > 4096) {
        return null;
      }
      String text = Files.readString(file, StandardCharsets.UTF_8).trim();
      int end = text.indexOf('\n');
      String first = (end < 0 ? text : text.substring(0, end)).trim();
      return first.matches("[0-9a-f]{40}") ? first : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** {@code {path, exists, hash, created_ts, created_at, modified_at}} as the seed's config-hashes answer. */
  public static JsonObject describe(Path file) {
    JsonObject info = new JsonObject().put("path", file.toString()).put("exists", Files.isRegularFile(file));
    if (!Files.isRegularFile(file)) {
      return info.put("hash", null);
    }
    info.put("hash", readHash(file));
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      Instant created = attributes.creationTime().toInstant();
      info.put("created_ts", created.getEpochSecond()).put("created_at", created.toString())
          .put("modified_at", attributes.lastModifiedTime().toInstant().toString());
    } catch (IOException e) {
      info.put("error", "cannot read its times: " + e.getMessage());
    }
    return info;
  }
}
