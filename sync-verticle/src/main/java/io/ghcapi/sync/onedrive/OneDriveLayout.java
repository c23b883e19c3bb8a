package io.ghcapi.sync.onedrive;

import java.nio.file.Path;

/**
 * The folders used inside a found OneDrive (seed §8.1): {@code .ghc-api/configSync} for the shared config
 * copies and {@code .ghc-api/agents/<machine>} for this machine's own files.
 */
public record OneDriveLayout(Path oneDrive, String machine) {

  public Path appRoot() {
    return oneDrive.resolve(".ghc-api");
  }

  public Path syncRoot() {
    return appRoot().resolve("configSync");
  }

  /** Copies of the shared files as they were before a push overwrote them. */
  public Path syncBackups() {
    return syncRoot().resolve("backups");
  }

  public Path agentsRoot() {
    return appRoot().resolve("agents");
  }

  public Path machineDir() {
    return machineDir(machine);
  }

  public Path machineDir(String otherMachine) {
    return agentsRoot().resolve(otherMachine);
  }
}
