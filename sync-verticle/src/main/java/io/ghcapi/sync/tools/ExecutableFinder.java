package io.ghcapi.sync.tools;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds a program on a given {@code PATH} (not this process's), as a shell would; on Windows with {@code PATHEXT}. */
public final class ExecutableFinder {

  private final List<Path> directories = new ArrayList<>();
  private final boolean windows;
  private final List<String> extensions = new ArrayList<>();

  public ExecutableFinder(String path, boolean windows, String pathExt) {
    this.windows = windows;
    for (String entry : (path == null ? "" : path).split(windows ? ";" : File.pathSeparator)) {
      if (!entry.isBlank()) {
        try {
          directories.add(Paths.get(entry.trim()));
        } catch (InvalidPathException ignored) {
          // not a usable folder
        }
      }
    }
    String exts = pathExt == null || pathExt.isBlank() ? ".COM;.EXE;.BAT;.CMD" : pathExt;
    for (String ext : exts.split(";")) {
      if (!ext.isBlank()) {
        extensions.add(ext.trim().toLowerCase(Locale.ROOT));
      }
    }
  }

  public static ExecutableFinder forThisOs(String path, java.util.Map<String, String> env) {
    return new ExecutableFinder(path, System.getProperty("os.name", "").startsWith("Windows"), env.get("PATHEXT"));
  }

  public Optional<Path> find(String name) {
    for (Path directory : directories) {
      for (String candidate : candidates(name)) {
        Path file = directory.resolve(candidate);
        if (Files.isRegularFile(file) && (windows || Files.isExecutable(file))) {
          return Optional.of(file);
        }
      }
    }
    return Optional.empty();
  }

  /** Every match on the path, in order (to skip e.g. Windows programs seen from WSL). */
  public List<Path> findAll(String name) {
    List<Path> found = new ArrayList<>();
    for (Path directory : directories) {
      for (String candidate : candidates(name)) {
        Path file = directory.resolve(candidate);
        if (Files.isRegularFile(file) && (windows || Files.isExecutable(file))) {
          found.add(file);
        }
      }
    }
    return found;
  }

  private List<String> candidates(String name) {
    if (!windows) {
      return List.of(name);
    }
    List<String> names = new ArrayList<>();
    for (String ext : extensions) {
      names.add(name + ext);
    }
    names.add(name);
    return names;
  }

  /** The command line that runs a found program: batch files go through {@code cmd.exe /c}. */
  public static List<String> commandFor(Path program, List<String> args) {
    List<String> command = new ArrayList<>();
    String lower = program.getFileName().toString().toLowerCase(Locale.ROOT);
    if (lower.endsWith(".cmd") || lower.endsWith(".bat")) {
      command.add("cmd.exe");
      command.add("/c");
    }
    command.add(program.toString());
    command.addAll(args);
    return command;
  }
}
