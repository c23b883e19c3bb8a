package io.ghcapi.gateway.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The GitHub token on disk ({@code <config dir>/github_token.txt}, owner-only) and in the environment
 * ({@code GITHUB_TOKEN}, which wins). Blocking file I/O: call it at start-up or from a worker.
 */
public final class GithubTokenStore {

  public static final String FILE_NAME = "github_token.txt";
  public static final String ENV_VAR = "GITHUB_TOKEN";

  private final Path file;
  private final Map<String, String> env;

  public GithubTokenStore(Path configDir, Map<String, String> env) {
    this.file = configDir.resolve(FILE_NAME);
    this.env = env;
  }

  public Path file() {
    return file;
  }

  /** The token from the environment, else the file, else none (with a hint on how to log in). */
  public GithubCredentials load() throws IOException {
    String fromEnv = env.get(ENV_VAR);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return GithubCredentials.of(fromEnv.trim(), GithubCredentials.Source.ENVIRONMENT);
    }
    if (Files.isRegularFile(file)) {
      String fromFile = Files.readString(file, StandardCharsets.UTF_8).trim();
      if (!fromFile.isEmpty()) {
        return GithubCredentials.of(fromFile, GithubCredentials.Source.FILE);
      }
    }
    return GithubCredentials.none(null);
  }

  /** Writes the token atomically, readable by the owner only. */
  public void save(String token) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = posix()
        ? Files.createTempFile(file.getParent(), ".github_token", ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
        : Files.createTempFile(file.getParent(), ".github_token", ".tmp");
    try {
      Files.writeString(temp, token.trim() + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Deletes the token file; a missing file is not an error. Returns whether a file was deleted. */
  public boolean delete() throws IOException {
    return Files.deleteIfExists(file);
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
