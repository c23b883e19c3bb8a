package io.ghcapi.acp.terminal;

import io.ghcapi.acp.agent.ProcessTrees;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One command an agent runs through {@code terminal/create}: its process (stdout and stderr together, no
 * input), its bounded output read on a daemon thread, and its exit status. State changes happen on the
 * owner's context.
 */
final class Terminal {

  private final String id;
  private final Process process;
  private final OutputBuffer output;
  private final Promise<JsonObject> exit = Promise.promise();
  private boolean killed;
  private long published;

  Terminal(String id, Process process, int outputLimit, Context context) {
    this.id = id;
    this.process = process;
    this.output = new OutputBuffer(outputLimit);
    Thread reader = new Thread(this::readOutput, "acp-terminal-" + id + "-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    process.onExit().thenRun(() -> {
      // Let the reader take the last bytes first; it ends when the pipe closes.
      try {
        reader.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      context.runOnContext(v -> exit.tryComplete(exitStatus()));
    });
  }

  private void readOutput() {
    char[] buffer = new char[8192];
    try (Reader in = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
      int read;
      while ((read = in.read(buffer)) != -1) {
        output.append(new String(buffer, 0, read));
      }
    } catch (IOException e) {
      // the process ended or was killed
    }
  }

  private JsonObject exitStatus() {
    int code = process.exitValue();
    if (killed && code > 128) {
      return new JsonObject().putNull("exitCode").put("signal", signalName(code - 128));
    }
    return new JsonObject().put("exitCode", code).putNull("signal");
  }

  private static String signalName(int number) {
    return switch (number) {
      case 9 -> "SIGKILL";
      case 15 -> "SIGTERM";
      case 2 -> "SIGINT";
      case 1 -> "SIGHUP";
      default -> "SIG" + number;
    };
  }

  String id() {
    return id;
  }

  long pid() {
    return process.pid();
  }

  /** The {@code terminal/output} result. */
  JsonObject outputResult() {
    JsonObject result = new JsonObject().put("output", output.text()).put("truncated", output.truncated());
    if (exit.future().isComplete()) {
      result.put("exitStatus", exit.future().result());
    }
    return result;
  }

  /** Completes with {@code {exitCode, signal}} when the command ends. */
  Future<JsonObject> exited() {
    return exit.future();
  }

  boolean running() {
    return !exit.future().isComplete();
  }

  /** Ends the command and what it started; the terminal stays readable. */
  void kill() {
    if (running()) {
      killed = true;
      List<ProcessHandle> descendants = ProcessTrees.snapshot(process);
      ProcessTrees.kill(process, descendants, true);
    }
  }

  /** Output not yet published as an event (and marks it published). */
  String takeUnpublished(int max) {
    String fresh = output.since(published);
    published = output.written();
    return fresh.length() <= max ? fresh : fresh.substring(fresh.length() - max);
  }
}
