package io.ghcapi.app;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/** The configuration directory: {@code --config-dir}, else {@code GHC_API_CONFIG_DIR}, else {@code ~/.ghc-api}. */
public final class ConfigDir {

  public static final String ENV_VAR = "GHC_API_CONFIG_DIR";

  private ConfigDir() {
  }

  public static Path resolve(Path flag, Map<String, String> env) {
    if (flag != null) {
      return flag.toAbsolutePath().normalize();
    }
    String fromEnv = env.get(ENV_VAR);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(expandHome(fromEnv.trim(), env)).toAbsolutePath().normalize();
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

  private static String expandHome(String path, Map<String, String> env) {
    if (path.equals("~") || path.startsWith("~/")) {
      return System.getProperty("user.home") + path.substring(1);
    }
    return path;
  }
}
