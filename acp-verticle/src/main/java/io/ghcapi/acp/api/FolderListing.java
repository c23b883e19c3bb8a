package io.ghcapi.acp.api;

import io.ghcapi.acp.session.RefusedException;
import io.ghcapi.bus.BusErrorCode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sub-folders of a folder, for the page's folder picker: {@code {path, parent, dirs, truncated}}, names
 * sorted, hidden ones left out, the first {@link #MAX_ENTRIES} found. Blocking: call from a worker thread.
 */
final class FolderListing {

  static final int MAX_ENTRIES = 500;

  JsonObject list(String requested) {
    String expanded = requested.equals("~") || requested.startsWith("~/")
        ? System.getProperty("user.home") + requested.substring(1) : requested;
    Path folder = Path.of(expanded);
    if (!folder.isAbsolute() || !Files.isDirectory(folder)) {
      throw new RefusedException(BusErrorCode.BAD_REQUEST, "Not an existing folder (absolute path): " + requested);
    }
    try {
      Path real = folder.toRealPath();
      List<String> names = new ArrayList<>();
      boolean truncated = false;
      try (Stream<Path> entries = Files.list(real)) {
        for (Path entry : (Iterable<Path>) entries::iterator) {
          String name = entry.getFileName().toString();
          if (name.startsWith(".") || !Files.isDirectory(entry)) {
            continue;
          }
          if (names.size() >= MAX_ENTRIES) {
            truncated = true;
            break;
          }
          names.add(name);
        }
      }
      names.sort(String.CASE_INSENSITIVE_ORDER);
      return new JsonObject().put("path", real.toString())
          .put("parent", real.getParent() == null ? null : real.getParent().toString())
          .put("dirs", new JsonArray(names)).put("truncated", truncated);
    } catch (IOException e) {
      throw new RefusedException(BusErrorCode.BAD_REQUEST, "Cannot list " + requested + ": " + e.getMessage());
    }
  }
}
