package io.ghcapi.sync.files;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secret values in config text shown to people (diffs) line by line, for JSON, YAML and TOML alike: a
 * value whose key names a secret ({@code ANTHROPIC_AUTH_TOKEN}, {@code admin_token}, {@code api_keys},
 * {@code password}, ...), every line nested under such a key (a list of keys), passwords in URLs and values
 * shaped like well-known tokens. The line stays, so a changed secret still shows as a changed line.
 */
public final class SecretRedactor {

  /** A line as it may be shown; {@code secret} names what was hidden, or is null. */
  public record Line(String text, String secret) {
  }

  public static final String MASK = "<redacted>";

  private static final Pattern KEY_VALUE =
      Pattern.compile("^(\\s*)(?:-\\s+)?([\"']?)([A-Za-z0-9_.\\-]+)\\2(\\s*[:=]\\s*)(.*)$");
  private static final Pattern SECRET_KEY = Pattern.compile(
      "(?i)(token|secret|passw(or)?d|pwd|api[_-]?keys?|apikey|access[_-]?key|private[_-]?key|credential|auth(?!or)"
          + "|cookie|bearer)");
  private static final Pattern HARMLESS_VALUE =
      Pattern.compile("^(true|false|null|~|-?\\d+(\\.\\d+)?|\"\"|''|)\\s*,?\\s*(#.*)?$");
  private static final Pattern OPENS_BLOCK = Pattern.compile("^(\\[|\\{|\\||>|\\|-|>-|\\|\\+|>\\+)?\\s*(#.*)?$");
  private static final Pattern URL_PASSWORD = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@\"']+):([^/\\s@\"']+)@");
  private static final Pattern NPM_AUTH = Pattern.compile("(?i)(_auth(?:token)?|_password)(\\s*=\\s*)\\S+");
  private static final Pattern TOKEN_SHAPED = Pattern.compile(
      "(sk-ant-[A-Za-z0-9_-]{8,}|sk-[A-Za-z0-9_-]{16,}|gh[pousr]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{20,}"
          + "|xox[abpr]-[A-Za-z0-9-]{10,}|eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]+)");

  private SecretRedactor() {
  }

  /** One line on its own (a line of program output): passwords in URLs and token-shaped values hidden. */
  public static String scrub(String line) {
    return scrubInline(line).text();
  }

  public static List<Line> redact(List<String> lines) {
    List<Line> out = new ArrayList<>(lines.size());
    int blockIndent = -1;
    String blockKey = null;
    for (String line : lines) {
      int indent = indentOf(line);
      if (blockKey != null) {
        boolean blank = line.isBlank();
        boolean sameIndentListItem = indent == blockIndent && line.strip().startsWith("- ");
        if (blank || indent > blockIndent || sameIndentListItem) {
          out.add(new Line(blank ? line : line.substring(0, indent) + MASK, blank ? null : blockKey));
          continue;
        }
        blockKey = null;
      }
      Matcher keyValue = KEY_VALUE.matcher(line);
      if (keyValue.matches() && SECRET_KEY.matcher(keyValue.group(3)).find()) {
        String value = keyValue.group(5);
        String key = keyValue.group(3);
        if (OPENS_BLOCK.matcher(value.strip()).matches()) {
          blockKey = key;
          blockIndent = indent;
          out.add(new Line(line, null));
          continue;
        }
        if (!HARMLESS_VALUE.matcher(value.strip()).matches()) {
          String prefix = line.substring(0, keyValue.start(5));
          out.add(new Line(prefix + maskValue(value), key));
          continue;
        }
      }
      out.add(scrubInline(line));
    }
    return out;
  }

  private static Line scrubInline(String line) {
    String scrubbed = URL_PASSWORD.matcher(line).replaceAll("$1:" + MASK + "@");
    scrubbed = NPM_AUTH.matcher(scrubbed).replaceAll("$1$2" + MASK);
    String secret = scrubbed.equals(line) ? null : "password in a URL";
    String tokens = TOKEN_SHAPED.matcher(scrubbed).replaceAll(MASK);
    if (!tokens.equals(scrubbed)) {
      secret = "token-shaped value";
    }
    return new Line(tokens, secret);
  }

  /** Keeps the quoting and a trailing comma, so the shape of the line is still readable. */
  private static String maskValue(String value) {
    String trimmed = value.strip();
    String comma = trimmed.endsWith(",") ? "," : "";
    if (trimmed.startsWith("\"")) {
      return "\"" + MASK + "\"" + comma;
    }
    if (trimmed.startsWith("'")) {
      return "'" + MASK + "'" + comma;
    }
    return MASK + comma;
  }

  private static int indentOf(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }
}
