package io.ghcapi.acp.terminal;

import io.ghcapi.acp.agent.ProcessRegistry;
import io.ghcapi.acp.fs.WorkspaceFiles;
import io.ghcapi.acp.rpc.RpcCodes;
import io.ghcapi.acp.rpc.RpcException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code terminal/*} methods of one session, for real: commands run in the working directory (or a
 * folder inside it), their output is kept up to a bound and published as {@code terminal_output} events a few
 * times a second, and every command still running is ended when the session ends.
 */
public final class Terminals {

  /** Receives the events the terminals produce. */
  public interface Events {
    void emit(String type, JsonObject fields);
  }

  private static final long PUBLISH_EVERY_MILLIS = 250;
  private static final int MAX_EVENT_CHARS = 64 * 1024;

  private final Vertx vertx;
  private final Context context;
  private final ProcessRegistry registry;
  private final WorkspaceFiles workspace;
  private final boolean inheritEnvironment;
  private final int outputLimit;
  private final int maxTerminals;
  private final Events events;
  private final Map<String, Terminal> terminals = new LinkedHashMap<>();
  private int nextId = 1;
  private long publisher = -1;
  private boolean closed;

  public Terminals(Vertx vertx, ProcessRegistry registry, WorkspaceFiles workspace, boolean inheritEnvironment,
      int outputLimit, int maxTerminals, Events events) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.registry = registry;
    this.workspace = workspace;
    this.inheritEnvironment = inheritEnvironment;
    this.outputLimit = outputLimit;
    this.maxTerminals = maxTerminals;
    this.events = events;
  }

  /** {@code terminal/create}: starts the command and answers at once with its id. */
  public Future<JsonObject> create(JsonObject params) {
    if (closed) {
      return Future.failedFuture(new RpcException(RpcCodes.INTERNAL_ERROR, "The session is ending"));
    }
    if (terminals.size() >= maxTerminals) {
      return Future.failedFuture(new RpcException(RpcCodes.INTERNAL_ERROR,
          "Too many terminals in this session (" + maxTerminals + "); release one first"));
    }
    List<String> command = commandLine(params);
    Map<String, String> env = environment(params.getValue("env"));
    int limit = Math.min(outputLimit, Math.max(1024, params.getInteger("outputByteLimit", outputLimit)));
    String id = "term-" + nextId++;
    String requestedCwd = params.getString("cwd");
    return vertx.executeBlocking(() -> {
      Path cwd = requestedCwd == null ? workspace.root() : workspace.confine(requestedCwd);
      ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
      if (!inheritEnvironment) {
        builder.environment().clear();
      }
      builder.environment().putAll(env);
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        throw new RpcException(RpcCodes.INTERNAL_ERROR, "Cannot run " + command.get(0) + ": " + e.getMessage());
      }
      registry.add(process);
      process.getOutputStream().close();
      return new Object[] {process, cwd};
    }, false).map(started -> {
      Terminal terminal = new Terminal(id, (Process) started[0], limit, context);
      if (closed) {
        terminal.kill();
        throw new RpcException(RpcCodes.INTERNAL_ERROR, "The session is ending");
      }
      terminals.put(id, terminal);
      events.emit("terminal", new JsonObject().put("terminal_id", id).put("state", "started")
          .put("command", new JsonArray(command)).put("cwd", started[1].toString()));
      terminal.exited().onSuccess(status -> {
        publish(terminal);
        events.emit("terminal", new JsonObject().put("terminal_id", id).put("state", "exited")
            .put("exit_code", status.getValue("exitCode")).put("signal", status.getValue("signal")));
      });
      if (publisher < 0) {
        publisher = vertx.setPeriodic(PUBLISH_EVERY_MILLIS, t -> terminals.values().forEach(this::publish));
      }
      return new JsonObject().put("terminalId", id);
    });
  }

  /** {@code terminal/output}. */
  public JsonObject output(JsonObject params) {
    return find(params).outputResult();
  }

  /** {@code terminal/wait_for_exit}: answers when the command ends (or is killed). */
  public Future<JsonObject> waitForExit(JsonObject params) {
    return find(params).exited();
  }

  /** {@code terminal/kill}: ends the command; its id stays valid. */
  public JsonObject kill(JsonObject params) {
    find(params).kill();
    return new JsonObject();
  }

  /** {@code terminal/release}: ends the command if it still runs and forgets the id. */
  public JsonObject release(JsonObject params) {
    Terminal terminal = find(params);
    terminal.kill();
    terminals.remove(terminal.id());
    publish(terminal);
    events.emit("terminal", new JsonObject().put("terminal_id", terminal.id()).put("state", "released"));
    stopPublisherWhenIdle();
    return new JsonObject();
  }

  /** Ends every command; for the end of the session. */
  public void releaseAll() {
    closed = true;
    for (Terminal terminal : new ArrayList<>(terminals.values())) {
      terminal.kill();
    }
    terminals.clear();
    stopPublisherWhenIdle();
  }

  public int count() {
    return terminals.size();
  }

  private void stopPublisherWhenIdle() {
    if (terminals.isEmpty() && publisher >= 0) {
      vertx.cancelTimer(publisher);
      publisher = -1;
    }
  }

  private void publish(Terminal terminal) {
    String fresh = terminal.takeUnpublished(MAX_EVENT_CHARS);
    if (!fresh.isEmpty()) {
      events.emit("terminal_output", new JsonObject().put("terminal_id", terminal.id()).put("text", fresh));
    }
  }

  private Terminal find(JsonObject params) {
    Terminal terminal = terminals.get(params.getString("terminalId"));
    if (terminal == null) {
      throw new RpcException(RpcCodes.INVALID_PARAMS, "Unknown terminal: " + params.getValue("terminalId"));
    }
    return terminal;
  }

  private static List<String> commandLine(JsonObject params) {
    if (!(params.getValue("command") instanceof String command) || command.isBlank()) {
      throw new RpcException(RpcCodes.INVALID_PARAMS, "terminal/create needs a command");
    }
    List<String> args = new ArrayList<>();
    if (params.getValue("args") instanceof JsonArray array) {
      array.forEach(arg -> args.add(String.valueOf(arg)));
    }
    if (args.isEmpty() && command.strip().contains(" ")) {
      // A whole command line in one string: let the shell split it.
      return List.of("/bin/sh", "-c", command);
    }
    List<String> line = new ArrayList<>();
    line.add(command);
    line.addAll(args);
    return line;
  }

  private static Map<String, String> environment(Object value) {
    Map<String, String> env = new LinkedHashMap<>();
    if (value instanceof JsonArray array) {
      for (Object item : array) {
        if (item instanceof JsonObject variable && variable.getValue("name") instanceof String name) {
          env.put(name, String.valueOf(variable.getValue("value", "")));
        }
      }
    }
    return env;
  }
}
