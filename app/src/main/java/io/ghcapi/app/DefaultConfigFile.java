package io.ghcapi.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The commented default {@code config.yaml}, written when none exists. */
public final class DefaultConfigFile {

  public static final String FILE_NAME = "config.yaml";

  private DefaultConfigFile() {
  }

  /** Writes the default file unless one exists; returns whether it wrote. */
  public static boolean writeIfMissing(Path file) throws IOException {
    if (Files.exists(file)) {
      return false;
    }
    Files.createDirectories(file.getParent());
    try (InputStream template = DefaultConfigFile.class.getResourceAsStream("/default-config.yaml")) {
      if (template == null) {
        throw new IOException("default-config.yaml is missing from the jar");
      }
      Files.write(file, template.readAllBytes());
    }
    return true;
  }
}
