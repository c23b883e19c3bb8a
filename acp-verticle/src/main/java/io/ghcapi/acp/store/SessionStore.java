package io.ghcapi.acp.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Sessions on disk, one append-only file of {@link SessionFile} lines per session
 * ({@code <state dir>/sessions/<id>.jsonl}), with a summary of each in memory for the list. Writes and reads
 * run in order on worker threads, so a read sees every line appended before it. At most
 * {@code maxStored} sessions are kept: the oldest files are removed. With persistence off the lines are kept
 * in memory instead (bounded the same way). Used from one Vert.x context.
 */
public final class SessionStore {

  private static final Logger LOG = Logger.getLogger(SessionStore.class.getName());
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final String SUFFIX = ".jsonl";
  private static final int MAX_QUEUED_WRITES = 10_000;
  private static final int MAX_LINES_IN_MEMORY = 20_000;

  private final Vertx vertx;
  private final Path directory;
  private final boolean persist;
  private final int maxStored;
  private final Map<String, JsonObject> summaries = new HashMap<>();
  private final Map<String, List<String>> inMemory = new HashMap<>();
  private int queuedWrites;
  private long droppedWrites;

  public SessionStore(Vertx vertx, Path stateDir, boolean persist, int maxStored) {
    this.vertx = vertx;
    this.directory = stateDir.resolve("sessions");
    this.persist = persist;
    this.maxStored = maxStored;
  }

  public static boolean validId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** Creates the folder and reads the summary of every stored session. */
  public Future<Void> open() {
    if (!persist) {
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(() -> {
      Files.createDirectories(directory);
      Map<String, JsonObject> found = new HashMap<>();
      try (Stream<Path> files = Files.list(directory)) {
        for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) {
          JsonObject summary = summarize(file);
          if (summary != null) {
            found.put(summary.getString("id"), summary);
          }
        }
      }
      return found;
    }, true).map(found -> {
      summaries.putAll(found);
      return null;
    });
  }

  private static JsonObject summarize(Path file) {
    JsonObject summary = new JsonObject();
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      lines.forEach(line -> {
        JsonObject parsed = SessionFile.parse(line);
        if (parsed != null) {
          SessionFile.apply(summary, parsed, false);
        }
      });
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "acp: cannot read the stored session " + file, e);
      return null;
    }
    return summary.containsKey("id") ? summary : null;
  }

  /** Appends a line to a session's file (a {@code session} line starts it) and updates its summary. */
  public void append(String id, JsonObject line) {
    if (!validId(id)) {
      throw new IllegalArgumentException("not a session id: " + id);
    }
    JsonObject summary = summaries.computeIfAbsent(id, key -> new JsonObject());
    SessionFile.apply(summary, line, false);
    String text = line.encode();
    if (!persist) {
      List<String> lines = inMemory.computeIfAbsent(id, key -> new ArrayList<>());
      if (lines.size() < MAX_LINES_IN_MEMORY) {
        lines.add(text);
      } else {
        droppedWrites++;
      }
      return;
    }
    if (queuedWrites >= MAX_QUEUED_WRITES) {
      droppedWrites++;
      LOG.warning(() -> "acp: the session store is behind; a line of session " + id + " was not saved");
      return;
    }
    queuedWrites++;
    Path file = directory.resolve(id + SUFFIX);
    byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
    vertx.executeBlocking(() -> {
      Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      return null;
    }, true).onComplete(done -> {
      queuedWrites--;
      if (done.failed()) {
        droppedWrites++;
        LOG.log(Level.WARNING, "acp: cannot save session " + id, done.cause());
      }
    });
  }

  /** The whole stored session ({@link SessionFile#read}), or null when there is none. */
  public Future<JsonObject> read(String id) {
    if (!validId(id) || !summaries.containsKey(id)) {
      return Future.succeededFuture(null);
    }
    if (!persist) {
      return Future.succeededFuture(SessionFile.read(inMemory.getOrDefault(id, List.of())));
    }
    Path file = directory.resolve(id + SUFFIX);
    return vertx.executeBlocking(() -> {
      try {
        return SessionFile.read(Files.readAllLines(file, StandardCharsets.UTF_8));
      } catch (NoSuchFileException e) {
        return null;
      }
    }, true);
  }

  public JsonObject summary(String id) {
    JsonObject summary = summaries.get(id);
    return summary == null ? null : summary.copy();
  }

  /** Every stored session's summary, newest first. */
  public List<JsonObject> summaries() {
    return summaries.values().stream().filter(s -> s.containsKey("id"))
        .sorted(Comparator.comparing((JsonObject s) -> s.getString("updated_at", "")).reversed())
        .map(JsonObject::copy).toList();
  }

  /** Removes the oldest sessions beyond the bound, except those still running. */
  public void prune(Set<String> running) {
    List<JsonObject> newestFirst = summaries();
    for (int i = maxStored; i < newestFirst.size(); i++) {
      String id = newestFirst.get(i).getString("id");
      if (running.contains(id)) {
        continue;
      }
      summaries.remove(id);
      inMemory.remove(id);
      if (persist) {
        Path file = directory.resolve(id + SUFFIX);
        vertx.executeBlocking(() -> Files.deleteIfExists(file), true)
            .onFailure(e -> LOG.log(Level.WARNING, "acp: cannot remove the old session file " + file, e));
      }
    }
  }

  /** Completes when every line appended so far is written. */
  public Future<Void> drain() {
    return persist ? vertx.executeBlocking(() -> null, true).mapEmpty() : Future.succeededFuture();
  }

  /** Lines that could not be saved (the store was behind, or a write failed). */
  public long droppedWrites() {
    return droppedWrites;
  }
}
