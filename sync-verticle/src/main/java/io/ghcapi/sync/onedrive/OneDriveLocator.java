package io.ghcapi.sync.onedrive;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the OneDrive folder (seed §8.1): the {@code onedrive_path} override if given; under WSL, the Windows
 * profile folders under {@code /mnt/c/Users} (the one Windows names first, then the one named like the Linux
 * user, then the others); elsewhere the home folder. In each, the first {@code OneDrive - <Org>} folder
 * (sorted, ignoring case), else {@code OneDrive}. Blocking: call on a worker thread.
 */
public final class OneDriveLocator {

  /**
   * The outcome.
   *
   * @param folder the OneDrive folder, or null when none was found
   * @param how how it was found ({@code override}, {@code home}, {@code wsl}), or why not
   * @param homesSearched the folders looked in, in order
   */
  public record Detection(Path folder, String how, List<Path> homesSearched) {
    public boolean found() {
      return folder != null;
    }
  }

  private static final Pattern WINDOWS_PATH = Pattern.compile("^([A-Za-z]):[\\\\/]?(.*)$");
  private static final Set<String> SYSTEM_PROFILES =
      Set.of("all users", "default", "default user", "public", "desktop.ini", "wdagutilityaccount");

  private final HostFacts host;
  private final Path home;
  private final Path wslMountRoot;
  private final WindowsHomeProbe probe;

  public OneDriveLocator(HostFacts host, Path home, Path wslMountRoot, WindowsHomeProbe probe) {
    this.host = host;
    this.home = home;
    this.wslMountRoot = wslMountRoot;
    this.probe = probe;
  }

  public Detection locate(String override) {
    if (override != null && !override.isBlank()) {
      Path folder = Path.of(override.trim()).toAbsolutePath();
      return Files.isDirectory(folder) ? new Detection(folder, "override", List.of())
          : new Detection(null, "onedrive_path " + folder + " is not a folder", List.of());
    }
    List<Path> homes = host.wsl() ? windowsHomes() : List.of(home);
    for (Path candidate : homes) {
      Optional<Path> folder = oneDriveIn(candidate);
      if (folder.isPresent()) {
        return new Detection(folder.get(), host.wsl() ? "wsl" : "home", homes);
      }
    }
    return new Detection(null, "no OneDrive folder in " + homes, homes);
  }

  /** Under WSL: the profile Windows reports, then the Linux user's name, then every other profile, sorted. */
  List<Path> windowsHomes() {
    Path users = wslMountRoot.resolve("c").resolve("Users");
    Set<Path> ordered = new LinkedHashSet<>();
    if (probe != null) {
      probe.userProfile().flatMap(this::toWslPath).filter(Files::isDirectory).ifPresent(ordered::add);
    }
    for (String variable : new String[] {"USERNAME", "USER"}) {
      String name = host.env().get(variable);
      if (name != null && !name.isBlank() && Files.isDirectory(users.resolve(name.trim()))) {
        ordered.add(users.resolve(name.trim()));
      }
    }
    for (Path profile : sortedSubfolders(users)) {
      if (!SYSTEM_PROFILES.contains(profile.getFileName().toString().toLowerCase(Locale.ROOT))) {
        ordered.add(profile);
      }
    }
    return new ArrayList<>(ordered);
  }

  /** {@code C:\Users\alice} → {@code <mount root>/c/Users/alice}. */
  Optional<Path> toWslPath(String windowsPath) {
    Matcher matcher = WINDOWS_PATH.matcher(windowsPath.trim());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    Path path = wslMountRoot.resolve(matcher.group(1).toLowerCase(Locale.ROOT));
    for (String part : matcher.group(2).split("[\\\\/]")) {
      if (!part.isEmpty()) {
        if (part.equals("..")) {
          return Optional.empty();
        }
        path = path.resolve(part);
      }
    }
    return Optional.of(path);
  }

  static Optional<Path> oneDriveIn(Path folder) {
    List<Path> children = sortedSubfolders(folder);
    for (Path child : children) {
      if (child.getFileName().toString().toLowerCase(Locale.ROOT).startsWith("onedrive - ")) {
        return Optional.of(child);
      }
    }
    for (Path child : children) {
      if (child.getFileName().toString().equals("OneDrive")) {
        return Optional.of(child);
      }
    }
    return Optional.empty();
  }

  private static List<Path> sortedSubfolders(Path folder) {
    List<Path> children = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return children;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, Files::isDirectory)) {
      stream.forEach(children::add);
    } catch (IOException | RuntimeException e) {
      return children;
    }
    children.sort(Comparator.comparing((Path p) -> p.getFileName().toString().toLowerCase(Locale.ROOT))
        .thenComparing(p -> p.getFileName().toString()));
    return children;
  }
}
