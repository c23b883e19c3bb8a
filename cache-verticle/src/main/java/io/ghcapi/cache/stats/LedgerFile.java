package io.ghcapi.cache.stats;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Logger;

/**
 * The ledger snapshot on disk ({@code ledger.json}), replaced atomically: written to a temporary file,
 * synced, then renamed over the old one, so a crash leaves either the old or the new snapshot whole.
 * Blocking: call from a worker thread.
 */
public final class LedgerFile {

  private static final Logger LOG = Logger.getLogger(LedgerFile.class.getName());

  private final Path file;

  public LedgerFile(Path dir) {
    this.file = dir.resolve("ledger.json");
  }

  public Path path() {
    return file;
  }

  /** The last snapshot, or null when there is none or it cannot be read (then counting starts over). */
  public JsonObject load() throws IOException {
    try {
      return new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return null;
    } catch (DecodeException e) {
      Path aside = file.resolveSibling("ledger.json.unreadable");
      Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
      LOG.warning(() -> "statistics snapshot " + file + " is unreadable (moved to " + aside
          + "); statistics restart from the journal");
      return null;
    }
  }

  public void save(String json) throws IOException {
    Path tmp = file.resolveSibling("ledger.json.tmp");
    try (FileOutputStream out = new FileOutputStream(tmp.toFile())) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
      out.getFD().sync();
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
