package io.ghcapi.sync.files;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Codex {@code config.toml} split in two (seed §8.2): the {@code [projects.*]} tables, which name this
 * machine's folders and stay local, and everything else, which is shared. Unlike the seed, which cut the file
 * at the first {@code [projects.} line, tables after the projects are shared too.
 *
 * @param shared every line outside the projects tables, ending with one line break (empty if none)
 * @param projects the {@code [projects]} and {@code [projects.*]} tables, in their order
 */
public record CodexConfigParts(String shared, String projects) {

  /** A table header line: {@code [a.b]}, {@code [[a]]}, {@code [projects."/home/x"]}, with an optional comment. */
  private static final Pattern TABLE_HEADER =
      Pattern.compile("^\\s*\\[\\[?\\s*([A-Za-z0-9_\\-]+|\"[^\"]*\"|'[^']*')(\\s*\\.[^\\]]*)?\\]\\]?\\s*(#.*)?$");

  public static CodexConfigParts split(String text) {
    StringBuilder shared = new StringBuilder();
    StringBuilder projects = new StringBuilder();
    boolean inProjects = false;
    int start = 0;
    while (start < text.length()) {
      int newline = text.indexOf('\n', start);
      int end = newline < 0 ? text.length() : newline + 1;
      String line = text.substring(start, end);
      Matcher header = TABLE_HEADER.matcher(line.strip());
      if (header.matches()) {
        inProjects = unquote(header.group(1)).equals("projects");
      }
      (inProjects ? projects : shared).append(line);
      start = end;
    }
    return new CodexConfigParts(normalised(shared.toString()), normalised(projects.toString()));
  }

  /** The shared part of another machine's file with this machine's projects tables after it. */
  public static String join(String shared, String projects) {
    String head = normalised(shared);
    String tail = normalised(projects);
    if (tail.isEmpty()) {
      return head;
    }
    return head.isEmpty() ? tail : head + "\n" + tail;
  }

  /** Trailing blank lines removed and one final line break, so spacing before the projects is not a difference. */
  static String normalised(String part) {
    String stripped = part.stripTrailing();
    return stripped.isEmpty() ? "" : stripped + "\n";
  }

  private static String unquote(String key) {
    if (key.length() >= 2 && (key.startsWith("\"") || key.startsWith("'"))) {
      return key.substring(1, key.length() - 1);
    }
    return key;
  }
}
