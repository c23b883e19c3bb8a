package io.ghcapi.app;

import java.nio.file.Path;

/** The configuration cannot be used; the message names the file, the key and the reason. */
public final class ConfigFileException extends RuntimeException {

  public ConfigFileException(Path file, String problem) {
    super(file + ": " + problem, null, false, false);
  }
}
