package io.ghcapi.acp.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The working directories sessions were started in, most recent first, at most {@link #MAX} and each once,
 * saved as {@code <state dir>/workdirs.json} ({@code {"dirs": [...]}}). Used from one Vert.x context.
 */
public final class WorkdirHistory {

  public static final int MAX = 20;
  private static final Logger LOG = Logger.getLogger(WorkdirHistory.class.getName());

  private final Vertx vertx;
  private final Path file;
  private final boolean persist;
  private final List<String> dirs = new ArrayList<>();

  public WorkdirHistory(Vertx vertx, Path stateDir, boolean persist) {
    this.vertx = vertx;
    this.file = stateDir.resolve("workdirs.json");
    this.persist = persist;
  }

  public Future<Void> open() {
    if (!persist) {
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(() -> {
      if (!Files.exists(file)) {
        return new JsonArray();
      }
      try {
        return new JsonObject(Files.readString(file, StandardCharsets.UTF_8)).getJsonArray("dirs", new JsonArray());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "acp: " + file + " is not readable; starting an empty list", e);
        return new JsonArray();
      }
    }, true).map(saved -> {
      for (Object dir : saved) {
        if (dir instanceof String text && !dirs.contains(text) && dirs.size() < MAX) {
          dirs.add(text);
        }
      }
      return null;
    });
  }

  /** Puts a directory first. */
  public void remember(String dir) {
    dirs.remove(dir);
    dirs.add(0, dir);
    while (dirs.size() > MAX) {
      dirs.remove(dirs.size() - 1);
    }
    if (persist) {
      String text = new JsonObject().put("dirs", new JsonArray(new ArrayList<>(dirs))).encodePrettily();
      vertx.executeBlocking(() -> {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling("workdirs.json.tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return null;
      }, true).onFailure(e -> LOG.log(Level.WARNING, "acp: cannot save " + file, e));
    }
  }

  public List<String> dirs() {
    return List.copyOf(dirs);
  }
}
