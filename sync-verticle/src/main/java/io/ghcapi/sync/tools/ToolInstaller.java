package io.ghcapi.sync.tools;

import io.ghcapi.sync.files.Backups;
import io.ghcapi.sync.files.SecretRedactor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Installs the code-agent CLIs and ACP adapters with {@code npm install -g}, one package after another, each
 * with a time limit that kills its process tree (seed §8.6 had none). The agent configs are backed up first;
 * if that fails nothing is installed. Progress goes to an {@link Events} listener as it happens (output lines
 * capped per package; the log file gets them all); the result keeps the last 4000 characters of each stream.
 * Blocking: run on a worker thread.
 *
 * <p>Events: {@code started {packages, npm, log_file}}, {@code backup {file, backup}}, {@code step {id, package,
 * command, index, count}}, {@code output {id, stream, line}}, {@code output_truncated {id, shown}},
 * {@code step_done {id, package, ok, returncode, timed_out, duration_ms, error, stdout, stderr}}, then
 * {@code done {ok, results, backups, log_file}}.
 */
public final class ToolInstaller {

  /** Receives progress events. */
  @FunctionalInterface
  public interface Events {
    void emit(String name, JsonObject data);
  }

  static final int TAIL_CHARS = 4000;
  static final int MAX_LINE_CHARS = 2000;
  static final int MAX_STREAMED_LINES_PER_PACKAGE = 2000;

  private final Map<String, String> packages;
  private final Optional<Path> npm;
  private final ProcessRunner runner;
  private final long timeoutMillis;
  private final Backups backups;
  private final List<Path> agentConfigs;
  private final InstallLog log;

  /**
   * @param packages the installable packages by id (only these can be installed)
   * @param npm the npm to run, if one was found
   * @param agentConfigs the files backed up first
   */
  public ToolInstaller(Map<String, String> packages, Optional<Path> npm, ProcessRunner runner, long timeoutMillis,
      Backups backups, List<Path> agentConfigs, InstallLog log) {
    this.packages = packages;
    this.npm = npm;
    this.runner = runner;
    this.timeoutMillis = timeoutMillis;
    this.backups = backups;
    this.agentConfigs = agentConfigs;
    this.log = log;
  }

  /** Installs the given package ids in order; {@code done}'s data is also returned. */
  public JsonObject install(List<String> ids, Events events) {
    JsonArray planned = new JsonArray();
    ids.forEach(id -> planned.add(new JsonObject().put("id", id).put("package", packages.get(id))));
    log.write("install started: " + ids + " with npm " + npm.map(Path::toString).orElse("(not found)"));
    events.emit("started", new JsonObject().put("packages", planned).put("npm", npm.map(Path::toString).orElse(null))
        .put("log_file", log.file().toString()));
    JsonObject backupsMade = new JsonObject();
    for (Path config : agentConfigs) {
      try {
        Path backup = backups.besideFile(config);
        if (backup != null) {
          backupsMade.put(config.toString(), backup.toString());
          log.write("backup of " + config + " written to " + backup);
          events.emit("backup", new JsonObject().put("file", config.toString()).put("backup", backup.toString()));
        }
      } catch (IOException e) {
        String message = "could not back up " + config + " (" + e.getMessage() + "): nothing was installed";
        log.write(message);
        return finish(events, false, new JsonObject(), backupsMade, message);
      }
    }
    JsonObject results = new JsonObject();
    boolean allOk = true;
    for (int i = 0; i < ids.size(); i++) {
      JsonObject result = installOne(ids.get(i), i, ids.size(), events);
      results.put(ids.get(i), result);
      allOk &= result.getBoolean("ok");
    }
    return finish(events, allOk, results, backupsMade, null);
  }

  private JsonObject installOne(String id, int index, int count, Events events) {
    String spec = packages.get(id);
    List<String> args = List.of("install", "-g", spec);
    String shown = "npm install -g " + spec;
    events.emit("step", new JsonObject().put("id", id).put("package", spec).put("command", shown)
        .put("index", index).put("count", count));
    log.write("$ " + shown);
    JsonObject result = new JsonObject().put("id", id).put("package", spec).put("command", shown);
    if (npm.isEmpty()) {
      String error = "npm was not found on the PATH: install Node.js (which brings npm), or set npm_command";
      log.write(error);
      result.put("ok", false).put("returncode", null).put("timed_out", false).put("error", error)
          .put("resolved_command", null).put("stdout", "").put("stderr", "");
      events.emit("step_done", result);
      return result;
    }
    List<String> command = ExecutableFinder.commandFor(npm.get(), args);
    AtomicInteger streamed = new AtomicInteger();
    ProcessResult run = runner.run(command, null, timeoutMillis, (stream, line) -> {
      String safe = SecretRedactor.scrub(line);
      log.write("[" + id + " " + stream + "] " + safe);
      int n = streamed.incrementAndGet();
      if (n <= MAX_STREAMED_LINES_PER_PACKAGE) {
        events.emit("output", new JsonObject().put("id", id).put("stream", stream).put("line", cap(safe)));
      } else if (n == MAX_STREAMED_LINES_PER_PACKAGE + 1) {
        events.emit("output_truncated", new JsonObject().put("id", id).put("shown", MAX_STREAMED_LINES_PER_PACKAGE));
      }
    });
    String error = null;
    if (run.startError() != null) {
      error = "npm could not start: " + run.startError();
    } else if (run.timedOut()) {
      error = "timed out after " + timeoutMillis / 1000 + " s; the npm process tree was stopped";
    } else if (run.exitCode() != 0) {
      error = "npm exited with code " + run.exitCode();
    }
    log.write(id + ": " + (error == null ? "installed" : error) + " (" + run.durationMillis() + " ms)");
    result.put("ok", run.succeeded()).put("returncode", run.startError() == null && !run.timedOut() ? run.exitCode() : null)
        .put("timed_out", run.timedOut()).put("duration_ms", run.durationMillis()).put("error", error)
        .put("resolved_command", String.join(" ", command))
        .put("stdout", SecretRedactor.scrub(run.stdoutTail())).put("stderr", SecretRedactor.scrub(run.stderrTail()));
    events.emit("step_done", result);
    return result;
  }

  private JsonObject finish(Events events, boolean ok, JsonObject results, JsonObject backupsMade, String error) {
    JsonObject done = new JsonObject().put("ok", ok).put("results", results).put("backups", backupsMade)
        .put("log_file", log.file().toString()).put("error", error);
    log.write("install finished: " + (ok ? "all succeeded" : "failed"));
    events.emit("done", done);
    return done;
  }

  private static String cap(String line) {
    return line.length() <= MAX_LINE_CHARS ? line : line.substring(0, MAX_LINE_CHARS) + "…";
  }
}
