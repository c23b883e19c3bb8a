package io.ghcapi.app;

import java.nio.file.Path;

/**
 * The configuration cannot be used; the message names where the bad value came from (the file, an
 * environment variable or the command line), the key and the reason.
 */
public final class ConfigFileException extends RuntimeException {

  private final boolean inFile;

  public ConfigFileException(Path file, String problem) {
    super(file + ": " + problem, null, false, false);
    this.inFile = true;
  }

  private ConfigFileException(String source, String problem, boolean inFile) {
    super(source + ": " + problem, null, false, false);
    this.inFile = inFile;
  }

  static ConfigFileException fromEnvironment(String variable, String problem) {
    return new ConfigFileException("environment variable " + variable, problem, false);
  }

  static ConfigFileException fromCommandLine(String problem) {
    return new ConfigFileException("command line", problem, false);
  }

  /** Whether editing (or regenerating) the file would fix it. */
  public boolean inFile() {
    return inFile;
  }
}
