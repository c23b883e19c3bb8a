package io.ghcapi.sync.usage;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a usage file line by line, with a bound on the line length. A line that is not a usage line is
 * skipped and counted: above all the last line of a file OneDrive is still bringing in from another machine,
 * which may be cut short. Blocking: call on a worker thread.
 */
public final class UsageFileReader {

  static final int MAX_LINE_BYTES = 1 << 20;

  /**
   * What reading a file found.
   *
   * @param lines usage lines applied
   * @param skipped lines that were not usage lines (unreadable, cut short, too long)
   * @param lastLineTorn the last line was one of them and had no line break (a write or a sync in progress)
   */
  public record Result(int lines, int skipped, boolean lastLineTorn) {
  }

  private UsageFileReader() {
  }

  public static Result read(Path file, HourlyUsage into) throws IOException {
    if (!Files.isRegularFile(file)) {
      return new Result(0, 0, false);
    }
    int lines = 0;
    int skipped = 0;
    boolean lastTorn = false;
    byte[] buffer = new byte[64 * 1024];
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean tooLong = false;
    try (InputStream in = Files.newInputStream(file)) {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        for (int i = 0; i < read; i++) {
          byte b = buffer[i];
          if (b == '\n') {
            int outcome = tooLong ? -1 : parse(line, into);
            lines += outcome > 0 ? 1 : 0;
            skipped += outcome < 0 ? 1 : 0;
            line.reset();
            tooLong = false;
          } else if (!tooLong) {
            line.write(b);
            if (line.size() > MAX_LINE_BYTES) {
              tooLong = true;
              line.reset();
            }
          }
        }
      }
    }
    if (line.size() > 0 || tooLong) {
      int outcome = tooLong ? -1 : parse(line, into);
      if (outcome > 0) {
        lines++;
      } else if (outcome < 0) {
        skipped++;
        lastTorn = true;
      }
    }
    return new Result(lines, skipped, lastTorn);
  }

  /** 1 applied, 0 blank, -1 skipped. */
  private static int parse(ByteArrayOutputStream line, HourlyUsage into) {
    String text = line.toString(StandardCharsets.UTF_8).trim();
    if (text.isEmpty()) {
      return 0;
    }
    try {
      return UsageLines.apply(new JsonObject(text), into) ? 1 : -1;
    } catch (DecodeException | ClassCastException e) {
      return -1;
    }
  }
}
