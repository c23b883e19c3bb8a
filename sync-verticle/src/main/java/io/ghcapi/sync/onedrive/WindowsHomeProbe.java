package io.ghcapi.sync.onedrive;

import io.ghcapi.sync.tools.ExecutableFinder;
import io.ghcapi.sync.tools.ProcessResult;
import io.ghcapi.sync.tools.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Under WSL, asks Windows for the user's profile folder (seed §8.1): {@code cmd.exe /c echo %USERPROFILE%},
 * then PowerShell, each with a short time limit. Blocking: call on a worker thread.
 */
public class WindowsHomeProbe {

  static final long TIMEOUT_MILLIS = 3000;

  private final ExecutableFinder finder;
  private final ProcessRunner runner;
  private final Path workDir;

  /**
   * @param workDir a Windows folder to run in (cmd.exe complains about Linux working folders), or null
   */
  public WindowsHomeProbe(ExecutableFinder finder, ProcessRunner runner, Path workDir) {
    this.finder = finder;
    this.runner = runner;
    this.workDir = workDir;
  }

  /** The profile folder as Windows writes it ({@code C:\Users\alice}), if Windows answered. */
  public Optional<String> userProfile() {
    Optional<String> fromCmd = ask("cmd.exe", List.of("/c", "echo %USERPROFILE%"));
    if (fromCmd.isPresent()) {
      return fromCmd;
    }
    return ask("powershell.exe", List.of("-NoProfile", "-Command", "[Environment]::GetFolderPath('UserProfile')"));
  }

  private Optional<String> ask(String program, List<String> args) {
    Optional<Path> found = finder.find(program);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    List<String> command = new java.util.ArrayList<>();
    command.add(found.get().toString());
    command.addAll(args);
    Path dir = workDir != null && Files.isDirectory(workDir) ? workDir : null;
    ProcessResult result = runner.run(command, dir, TIMEOUT_MILLIS, null);
    if (!result.succeeded()) {
      return Optional.empty();
    }
    for (String line : result.stdoutTail().split("\n")) {
      String value = line.trim();
      if (!value.isEmpty() && !value.contains("%")) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
