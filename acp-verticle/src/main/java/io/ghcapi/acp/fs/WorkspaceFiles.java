package io.ghcapi.acp.fs;

import io.ghcapi.acp.rpc.RpcCodes;
import io.ghcapi.acp.rpc.RpcException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The agent's {@code fs/read_text_file} and {@code fs/write_text_file}, confined to the session's working
 * directory: a path is taken after resolving {@code ..} and every symbolic link, so neither can lead outside.
 * Blocking file I/O: call from a worker thread.
 */
public final class WorkspaceFiles {

  private final Path root;
  private final long maxFileBytes;

  /**
   * @param root the working directory, as a real path
   * @param maxFileBytes bound of a file read
   */
  public WorkspaceFiles(Path root, long maxFileBytes) {
    this.root = root;
    this.maxFileBytes = maxFileBytes;
  }

  public Path root() {
    return root;
  }

  /**
   * The text of a file, or {@code limit} lines of it from line {@code line} (1-based).
   *
   * @param line null for the start
   * @param limit null for all
   */
  public String read(String path, Integer line, Integer limit) {
    Path file = confine(path);
    if (!Files.exists(file)) {
      throw new RpcException(RpcCodes.RESOURCE_NOT_FOUND, "Resource not found: " + path);
    }
    if (Files.isDirectory(file)) {
      throw new RpcException(RpcCodes.INVALID_PARAMS, path + " is a directory");
    }
    String text;
    try {
      if (Files.size(file) > maxFileBytes) {
        throw new RpcException(RpcCodes.INVALID_PARAMS, path + " is larger than " + maxFileBytes + " bytes");
      }
      text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new RpcException(RpcCodes.RESOURCE_NOT_FOUND, "Resource not found: " + path);
    } catch (IOException e) {
      throw new RpcException(RpcCodes.INTERNAL_ERROR, "Cannot read " + path + ": " + e.getMessage());
    }
    return line == null && limit == null ? text : lines(text, line == null ? 1 : line, limit);
  }

  /** Writes a file, creating it and its missing parent directories. */
  public void write(String path, String content) {
    Path file = confine(path);
    if (Files.isDirectory(file)) {
      throw new RpcException(RpcCodes.INVALID_PARAMS, path + " is a directory");
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content == null ? "" : content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RpcException(RpcCodes.INTERNAL_ERROR, "Cannot write " + path + ": " + e.getMessage());
    }
  }

  /**
   * Where an absolute path really leads, refused when that is outside the working directory.
   */
  public Path confine(String path) {
    if (path == null || path.isBlank()) {
      throw new RpcException(RpcCodes.INVALID_PARAMS, "A path is required");
    }
    Path requested = Path.of(path);
    if (!requested.isAbsolute()) {
      throw new RpcException(RpcCodes.INVALID_PARAMS, "The path must be absolute: " + path);
    }
    Path real = realPath(requested.normalize());
    if (!real.startsWith(root)) {
      throw new RpcException(RpcCodes.INVALID_PARAMS, "Refused: " + path
          + " is outside the session's working directory " + root,
          new JsonObject().put("reason", "outside_working_directory"));
    }
    return real;
  }

  /** The real path of the nearest existing ancestor, with the names that do not exist yet appended. */
  private static Path realPath(Path path) {
    Deque<Path> missing = new ArrayDeque<>();
    Path existing = path;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      missing.push(existing.getFileName());
      existing = existing.getParent();
    }
    if (existing == null) {
      throw new RpcException(RpcCodes.INVALID_PARAMS, "No such place: " + path);
    }
    Path real;
    try {
      real = existing.toRealPath();
    } catch (IOException e) {
      // A dangling symbolic link: where it points is unknown, so it is not followed.
      throw new RpcException(RpcCodes.INVALID_PARAMS, "Cannot resolve " + existing + ": " + e.getMessage());
    }
    while (!missing.isEmpty()) {
      real = real.resolve(missing.pop());
    }
    return real;
  }

  private static String lines(String text, int first, Integer limit) {
    if (first < 1) {
      throw new RpcException(RpcCodes.INVALID_PARAMS, "line is 1-based, got " + first);
    }
    int start = 0;
    for (int current = 1; current < first; current++) {
      int newline = text.indexOf('\n', start);
      if (newline < 0) {
        return "";
      }
      start = newline + 1;
    }
    if (limit == null) {
      return text.substring(start);
    }
    int end = start;
    for (int taken = 0; taken < limit && end < text.length(); taken++) {
      int newline = text.indexOf('\n', end);
      end = newline < 0 ? text.length() : newline + 1;
    }
    return text.substring(start, end);
  }
}
