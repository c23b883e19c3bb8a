package io.ghcapi.app;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The configuration directory: {@code --config-dir}, else {@code GHC_API_CONFIG_DIR}, else {@code ~/.ghc-api}. */
public final class ConfigDir {

  public static final String ENV_VAR = "GHC_API_CONFIG_DIR";
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");

  private ConfigDir() {
  }

  public static Path resolve(Path flag, Map<String, String> env) {
    if (flag != null) {
      return flag.toAbsolutePath().normalize();
    }
    String fromEnv = env.get(ENV_VAR);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(expand(fromEnv.trim(), env)).toAbsolutePath().normalize();
    }
    return Path.of(System.getProperty("user.home"), ".ghc-api");
  }

  /** Creates the directory readable by its owner only (it holds the GitHub token). */
  public static void ensure(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Files.createDirectories(dir);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
  }

  /** Expands a leading {@code ~} and {@code $VAR} / {@code ${VAR}} references (unset variables stay as written). */
  private static String expand(String path, Map<String, String> env) {
    String home = path.equals("~") || path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
    Matcher matcher = VARIABLE.matcher(home);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
      String value = env.get(name);
      matcher.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : matcher.group()));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
