package io.ghcapi.sync.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Copies a file aside before it is overwritten, as {@code <name>.<YYYYMMDD_HHMMSS>.bak} (seed §8.5), with a
 * counter when two backups fall in the same second. Keeps the newest {@code kept} backups of each file
 * (0 = all). Blocking: call on a worker thread.
 */
public final class Backups {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

  private final Clock clock;
  private final int kept;

  public Backups(Clock clock, int kept) {
    this.clock = clock;
    this.kept = kept;
  }

  /** Backs up {@code file} next to it; null when there is nothing to back up. */
  public Path besideFile(Path file) throws IOException {
    Path real = Files.isSymbolicLink(file) ? file.toRealPath() : file;
    return into(file, real.toAbsolutePath().getParent());
  }

  /** Backs up {@code file} into {@code folder}; null when there is nothing to back up. */
  public Path into(Path file, Path folder) throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    Files.createDirectories(folder);
    String name = file.getFileName().toString();
    String stamp = LocalDateTime.now(clock).format(STAMP);
    Path backup = folder.resolve(name + "." + stamp + ".bak");
    for (int n = 1; Files.exists(backup); n++) {
      backup = folder.resolve(name + "." + stamp + "_" + n + ".bak");
    }
    Files.copy(file, backup, StandardCopyOption.COPY_ATTRIBUTES);
    prune(folder, name);
    return backup;
  }

  private void prune(Path folder, String name) throws IOException {
    if (kept <= 0) {
      return;
    }
    Pattern ours = Pattern.compile(Pattern.quote(name) + "\\.\\d{8}_\\d{6}(_\\d+)?\\.bak");
    List<Path> backups = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
      for (Path path : stream) {
        if (ours.matcher(path.getFileName().toString()).matches()) {
          backups.add(path);
        }
      }
    }
    backups.sort((a, b) -> order(a).compareTo(order(b)));
    for (int i = 0; i < backups.size() - kept; i++) {
      Files.deleteIfExists(backups.get(i));
    }
  }

  /** Sorts {@code x.20250101_120000.bak} before {@code x.20250101_120000_1.bak} before {@code _2}, oldest first. */
  private static String order(Path backup) {
    String name = backup.getFileName().toString();
    String stamp = name.substring(0, name.length() - ".bak".length());
    int counter = stamp.matches(".*\\d{8}_\\d{6}_\\d+$") ? Integer.parseInt(stamp.substring(stamp.lastIndexOf('_') + 1)) : 0;
    String base = counter == 0 ? stamp : stamp.substring(0, stamp.lastIndexOf('_'));
    return base + String.format("%08d", counter);
  }
}
