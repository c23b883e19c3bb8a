package io.ghcapi.sync.tools;

import io.ghcapi.sync.files.SecretRedactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * The install log, {@code code_agent_install.log} in the config folder (seed §7.4, which put it in the home
 * folder whatever the config folder): plain lines {@code <ISO time> <message>}, every output line included,
 * passwords and tokens hidden. A failing disk does not stop the install; it is reported once.
 */
public final class InstallLog {

  public static final String NAME = "code_agent_install.log";
  private static final Logger LOG = Logger.getLogger(InstallLog.class.getName());

  private final Path file;
  private final Clock clock;
  private boolean failed;

  public InstallLog(Path configDir, Clock clock) {
    this.file = configDir.resolve(NAME);
    this.clock = clock;
  }

  public synchronized void write(String message) {
    String line = Instant.now(clock) + " " + SecretRedactor.scrub(message) + "\n";
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, line.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      if (!failed) {
        failed = true;
        LOG.warning(() -> "install log " + file + " cannot be written: " + e.getMessage());
      }
    }
  }

  public Path file() {
    return file;
  }
}
