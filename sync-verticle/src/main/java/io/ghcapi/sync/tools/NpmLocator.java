package io.ghcapi.sync.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which {@code npm} the install runs (seed §8.6): the configured one; under WSL a Linux npm from the
 * {@code PATH} (not a Windows {@code .cmd}, nothing under the Windows mounts), else the usual system places;
 * on Windows {@code npm.cmd} from the {@code PATH} or the Node.js install folder; elsewhere npm from the
 * {@code PATH}.
 */
public final class NpmLocator {

  private final ExecutableFinder finder;
  private final boolean wsl;
  private final boolean windows;
  private final Path wslMountRoot;
  private final Map<String, String> env;

  public NpmLocator(ExecutableFinder finder, boolean wsl, boolean windows, Path wslMountRoot, Map<String, String> env) {
    this.finder = finder;
    this.wsl = wsl;
    this.windows = windows;
    this.wslMountRoot = wslMountRoot;
    this.env = env;
  }

  public Optional<Path> locate(String configured) {
    if (configured != null && !configured.isBlank()) {
      Path path = Paths.get(configured);
      if (path.isAbsolute() || configured.contains("/") || configured.contains("\\")) {
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
      }
      return finder.find(configured);
    }
    if (wsl) {
      for (Path candidate : finder.findAll("npm")) {
        boolean windowsProgram = candidate.toString().toLowerCase(Locale.ROOT).endsWith(".cmd")
            || candidate.toAbsolutePath().startsWith(wslMountRoot);
        if (!windowsProgram) {
          return Optional.of(candidate);
        }
      }
      for (String place : new String[] {"/usr/bin/npm", "/usr/local/bin/npm", "/bin/npm"}) {
        if (Files.isExecutable(Paths.get(place))) {
          return Optional.of(Paths.get(place));
        }
      }
      return Optional.empty();
    }
    Optional<Path> onPath = finder.find("npm");
    if (onPath.isPresent() || !windows) {
      return onPath;
    }
    for (String variable : new String[] {"ProgramFiles", "ProgramFiles(x86)"}) {
      String base = env.get(variable);
      if (base != null && Files.isRegularFile(Paths.get(base, "nodejs", "npm.cmd"))) {
        return Optional.of(Paths.get(base, "nodejs", "npm.cmd"));
      }
    }
    return Optional.empty();
  }
}
