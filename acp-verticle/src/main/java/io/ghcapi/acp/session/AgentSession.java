package io.ghcapi.acp.session;

import io.ghcapi.acp.AcpConfig;
import io.ghcapi.acp.agent.AgentDefinition;
import io.ghcapi.acp.agent.AgentNotFoundException;
import io.ghcapi.acp.agent.AgentProcess;
import io.ghcapi.acp.agent.ProcessSpec;
import io.ghcapi.acp.fs.WorkspaceFiles;
import io.ghcapi.acp.rpc.ConnectionClosedException;
import io.ghcapi.acp.rpc.JsonRpcConnection;
import io.ghcapi.acp.rpc.RpcException;
import io.ghcapi.acp.terminal.Terminals;
import io.ghcapi.bus.BusErrorCode;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * One agent session: its agent process and JSON-RPC connection, one turn at a time, cancel, close, mode and
 * model changes, the permission requests and the files and terminals the agent uses. Everything it does is an
 * event ({@link SessionEvents}) and, compacted, a line in its stored file. Used from one Vert.x context.
 */
public final class AgentSession {

  private static final Logger LOG = Logger.getLogger(AgentSession.class.getName());
  private static final long MAX_QUEUED_INPUT_BYTES = 64L << 20;
  private static final int MAX_WAITING_REQUESTS = 64;
  private static final int STDERR_CHARS = 2000;

  private final SessionServices services;
  private final Vertx vertx;
  private final AcpConfig.Limits limits;
  private final String id;
  private final AgentDefinition agent;
  private final Path cwd;
  private final String createdAt;
  private final SessionEvents events;
  private final Permissions permissions;
  private final WorkspaceFiles files;
  private final Terminals terminals;
  private final SessionSettings settings = new SessionSettings();
  private final Promise<Void> ended = Promise.promise();
  private final Consumer<AgentSession> onEnded;
  private AutoApprove policy;
  private SessionStatus status = SessionStatus.STARTING;
  private String statusReason;
  private AgentProcess process;
  private JsonRpcConnection rpc;
  private JsonObject initialize = new JsonObject();
  private String agentSessionId;
  private String signedInWith;
  private PromptTurn turn;
  private int promptCount;
  private boolean loading;
  private boolean stopping;
  private boolean processGone;
  private boolean settingsChanged;
  private boolean stored;
  private boolean serverStopping;
  private boolean closeRequested;

  private AgentSession(SessionServices services, String id, AgentDefinition agent, Path cwd, String createdAt,
      AutoApprove policy, Consumer<AgentSession> onEnded) {
    this.services = services;
    this.vertx = services.vertx();
    this.limits = services.limits();
    this.id = id;
    this.agent = agent;
    this.cwd = cwd;
    this.createdAt = createdAt;
    this.policy = policy;
    this.onEnded = onEnded;
    this.events = new SessionEvents(vertx, id, limits.maxEventsPerSession());
    this.permissions = new Permissions(vertx, this::emit, limits.maxPendingPermissions(), limits.permissionTimeoutMs());
    this.files = new WorkspaceFiles(cwd, limits.maxFileBytes());
    this.terminals = new Terminals(vertx, services.processes(), files, services.config().inheritEnvironment(),
        limits.terminalOutputLimit(), limits.maxTerminals(), this::emit);
  }

  /**
   * Starts an agent and opens a new session in {@code cwd} (a real path).
   *
   * @param onEnded called once the agent process has ended, however
   */
  public static Future<AgentSession> start(SessionServices services, String id, AgentDefinition agent, Path cwd,
      AutoApprove policy, Consumer<AgentSession> onEnded) {
    AgentSession session = new AgentSession(services, id, agent, cwd, Instant.now().toString(), policy, onEnded);
    return session.launch(handshake -> handshake.newSession(cwd)).map(opened -> {
      session.services.store().append(id, session.header());
      session.stored = true;
      session.setStatus(SessionStatus.READY, null);
      return session;
    });
  }

  /**
   * Starts the agent again for a stored session and reloads it with {@code session/load}; the agent's replay of
   * the conversation is not shown again (it is already stored).
   */
  public static Future<AgentSession> resume(SessionServices services, JsonObject stored, AgentDefinition agent,
      Path cwd, Consumer<AgentSession> onEnded) {
    AutoApprove policy = AutoApprove.parse(stored.getString("auto_approve", services.config().autoApprove().wire()));
    AgentSession session = new AgentSession(services, stored.getString("id"), agent, cwd,
        stored.getString("created_at", Instant.now().toString()), policy, onEnded);
    session.promptCount = stored.getInteger("message_count", 0);
    session.loading = true;
    session.stored = true;
    String agentSessionId = stored.getString("agent_session_id");
    return session.launch(handshake -> handshake.loadSession(cwd, agentSessionId, session.limits.loadTimeoutMs()))
        .map(opened -> {
          session.loading = false;
          session.services.store().append(session.id, session.settingsLine()
              .put("agent_session_id", session.agentSessionId));
          session.setStatus(SessionStatus.READY, "reloaded with session/load");
          return session;
        });
  }

  private Future<AgentHandshake.Opened> launch(Function<AgentHandshake, Future<AgentHandshake.Opened>> open) {
    return vertx.executeBlocking(() -> services.locator().commandLine(agent), false)
        .compose(command -> AgentProcess.start(vertx, processSpec(command), services.processes(),
            limits.maxLineBytes(), MAX_QUEUED_INPUT_BYTES))
        .compose(started -> {
          process = started;
          rpc = new JsonRpcConnection(vertx, started, agent.name(), MAX_WAITING_REQUESTS, MAX_WAITING_REQUESTS)
              .onRequest(new ClientMethods(vertx, permissions, () -> policy, files, terminals, limits.terminals(),
                  this::emit))
              .onNotification(this::onNotification);
          started.listen(rpc::receive, this::overlongLine);
          started.exited().onSuccess(this::processEnded);
          return open.apply(new AgentHandshake(rpc, agent, services.config().routing(), limits.terminals(),
              limits.startTimeoutMs()));
        })
        .map(opened -> {
          initialize = opened.initialize();
          agentSessionId = opened.agentSessionId();
          signedInWith = opened.signedInWith();
          settings.takeSessionResult(opened.session());
          return opened;
        })
        .recover(this::startFailed);
  }

  private Future<AgentHandshake.Opened> startFailed(Throwable failure) {
    loading = false;
    if (process != null) {
      stopping = true;
      process.kill();
    }
    status = SessionStatus.FAILED;
    if (failure instanceof RefusedException || failure instanceof AgentNotFoundException) {
      return Future.failedFuture(failure);
    }
    String message = agent.name() + " could not start: " + failure.getMessage();
    if (failure instanceof RpcException error && error.data() != null) {
      message += " (" + error.data() + ")";
    }
    if (process != null && !(failure instanceof ConnectionClosedException)) {
      String stderr = process.stderrTail(STDERR_CHARS);
      message += stderr.isEmpty() ? "" : ". Its error output: " + stderr;
    }
    return Future.failedFuture(new RefusedException(BusErrorCode.INTERNAL, message));
  }

  private ProcessSpec processSpec(List<String> command) {
    Map<String, String> env = new LinkedHashMap<>(services.config().routing().environment(agent.gateway()));
    env.putAll(agent.environment());
    return new ProcessSpec(agent.kind(), command, cwd, env, services.config().inheritEnvironment());
  }

  // ---- what the agent sends

  private void onNotification(String method, JsonObject params) {
    if ("session/update".equals(method) && params.getValue("update") instanceof JsonObject update) {
      if (settings.apply(update)) {
        settingsChanged();
      }
      if (!loading) {
        emit("update", new JsonObject().put("update", update));
      }
    } else if ("$/cancel_request".equals(method)) {
      permissions.withdraw(params.getValue("requestId"));
    }
  }

  private void overlongLine(long bytes) {
    String reason = agent.name() + " wrote a message longer than " + limits.maxLineBytes()
        + " bytes; the session was ended";
    LOG.warning(() -> "acp: session " + id + ": " + reason);
    failNow(reason);
  }

  /** The agent cannot be trusted to go on: the session fails now and its process is ended. */
  private void failNow(String reason) {
    if (status.alive()) {
      setStatus(SessionStatus.FAILED, reason);
    }
    stopping = true;
    rpc.close(reason);
    process.kill();
  }

  private void processEnded(int exitCode) {
    processGone = true;
    String reason = stopping ? "The agent process was ended" : "The agent process exited unexpectedly (exit code "
        + exitCode + ")" + stderrSuffix();
    if (serverStopping) {
      setStatus(SessionStatus.DISCONNECTED, "the server stopped");
    } else if (status == SessionStatus.CLOSING) {
      setStatus(SessionStatus.CLOSED, statusReason);
    } else if (status.alive()) {
      setStatus(SessionStatus.FAILED, reason);
    }
    rpc.close(reason);
    terminals.releaseAll();
    permissions.cancelAll("exit");
    emit("ended", new JsonObject().put("status", status.wire()).put("reason", statusReason).put("exit_code", exitCode));
    ended.tryComplete();
    onEnded.accept(this);
  }

  private String stderrSuffix() {
    String tail = process.stderrTail(STDERR_CHARS);
    return tail.isEmpty() ? "" : ". Its last error output: " + tail;
  }

  // ---- turns

  /**
   * Starts a turn; its events follow. Refused (409) while another turn runs or when the session is not ready.
   *
   * @return the prompt id
   */
  public String prompt(String text, JsonArray blocks) {
    if (status == SessionStatus.PROMPTING) {
      throw new RefusedException(BusErrorCode.CONFLICT, "A prompt is already running in this session; wait for it "
          + "to end or cancel it");
    }
    if (status != SessionStatus.READY) {
      throw new RefusedException(BusErrorCode.CONFLICT, "The session is not active (" + status.wire() + ")");
    }
    PromptTurn current = new PromptTurn("prompt-" + ++promptCount, limits.maxTurnEvents());
    turn = current;
    services.store().append(id, new JsonObject().put("t", "prompt").put("prompt_id", current.promptId)
        .put("at", Instant.now().toString()).put("text", text));
    setStatus(SessionStatus.PROMPTING, null);
    emit("prompt", new JsonObject().put("prompt_id", current.promptId).put("text", text));
    if (limits.promptMaxMs() > 0) {
      current.deadlineTimer = vertx.setTimer(limits.promptMaxMs(), t -> {
        if (turn == current) {
          emit("error", new JsonObject().put("message", "The turn ran longer than " + limits.promptMaxMs() / 1000
              + " s; it is being cancelled"));
          cancel();
        }
      });
    }
    JsonObject params = new JsonObject().put("sessionId", agentSessionId).put("prompt", blocks);
    rpc.request("session/prompt", params, 0).onComplete(done -> finishTurn(current, done));
    return current.promptId;
  }

  private void finishTurn(PromptTurn finished, AsyncResult<JsonObject> done) {
    if (turn != finished) {
      return;
    }
    vertx.cancelTimer(finished.deadlineTimer);
    vertx.cancelTimer(finished.cancelTimer);
    String stopReason;
    JsonObject usage = null;
    if (done.succeeded()) {
      stopReason = done.result().getString("stopReason", "end_turn");
      usage = done.result().getValue("usage") instanceof JsonObject u ? u : null;
    } else {
      if (!closeRequested) {
        emit("error", errorFields(done.cause()));
      }
      stopReason = finished.cancelRequested ? "cancelled" : "error";
    }
    JsonObject line = new JsonObject().put("t", "turn").put("prompt_id", finished.promptId)
        .put("at", Instant.now().toString()).put("stop_reason", stopReason).put("entries", finished.story.entries())
        .put("dropped", finished.story.dropped());
    if (usage != null) {
      line.put("usage", usage);
    }
    turn = null;
    services.store().append(id, line);
    if (settingsChanged) {
      saveSettings();
    }
    JsonObject doneFields = new JsonObject().put("prompt_id", finished.promptId).put("stop_reason", stopReason);
    if (usage != null) {
      doneFields.put("usage", usage);
    }
    emit("done", doneFields);
    if (status == SessionStatus.PROMPTING && !processGone) {
      setStatus(SessionStatus.READY, null);
    }
  }

  private static JsonObject errorFields(Throwable cause) {
    JsonObject fields = new JsonObject().put("message", String.valueOf(cause.getMessage()));
    if (cause instanceof RpcException error) {
      fields.put("code", error.code());
      if (error.data() != null) {
        fields.put("data", error.data());
      }
    }
    return fields;
  }

  /**
   * Cancels the running turn: {@code session/cancel}, waiting permission requests answered {@code cancelled};
   * the agent then ends the turn with {@code stopReason: cancelled}. An agent that does not within the grace
   * period has its process ended.
   *
   * @return false when no turn was running
   */
  public boolean cancel() {
    requireAlive();
    PromptTurn current = turn;
    if (current == null) {
      return false;
    }
    if (current.cancelRequested) {
      return true;
    }
    current.cancelRequested = true;
    emit("cancelling", new JsonObject().put("prompt_id", current.promptId));
    rpc.notify("session/cancel", new JsonObject().put("sessionId", agentSessionId));
    permissions.cancelAll("cancel");
    current.cancelTimer = vertx.setTimer(limits.cancelGraceMs(), t -> {
      if (turn == current && !processGone) {
        failNow(agent.name() + " did not end its turn within " + limits.cancelGraceMs() / 1000.0
            + " s of the cancel; its process was ended");
      }
    });
    return true;
  }

  /** Ends the session: cancels a running turn, stops the agent process (stdin, SIGTERM, SIGKILL). */
  public Future<Void> close() {
    if (processGone || !status.alive() || process == null) {
      return ended.future();
    }
    if (turn != null && !turn.cancelRequested) {
      turn.cancelRequested = true;
      rpc.notify("session/cancel", new JsonObject().put("sessionId", agentSessionId));
    }
    permissions.cancelAll("close");
    terminals.releaseAll();
    stopping = true;
    closeRequested = true;
    setStatus(SessionStatus.CLOSING, "closed on request");
    process.stop(limits.stopGraceMs());
    return ended.future();
  }

  /** Ends the process at once (the server is stopping). */
  public void kill() {
    if (process != null && !processGone) {
      stopping = true;
      serverStopping = status.alive() || status == SessionStatus.CLOSING;
      process.kill();
    }
  }

  /** Completes when the agent process has ended. */
  public Future<Void> ended() {
    return ended.future();
  }

  // ---- settings

  /** {@code session/set_mode}. */
  public Future<JsonObject> setMode(String modeId) {
    requireAlive();
    if (!settings.hasMode(modeId)) {
      throw new RefusedException(BusErrorCode.BAD_REQUEST, "'" + modeId + "' is not one of the modes "
          + agent.name() + " offers");
    }
    return rpc.request("session/set_mode", new JsonObject().put("sessionId", agentSessionId).put("modeId", modeId),
        limits.requestTimeoutMs()).map(ok -> {
          settings.modeChanged(modeId);
          settingsChanged();
          return settingsView();
        });
  }

  /**
   * Chooses the model: {@code session/set_config_option} on the agent's model option when it has one, else the
   * legacy {@code session/set_model}.
   */
  public Future<JsonObject> setModel(String modelId) {
    requireAlive();
    String option = settings.configOptionOfCategory("model");
    if (option != null) {
      return setConfigOption(option, modelId);
    }
    if (!settings.hasLegacyModels()) {
      throw new RefusedException(BusErrorCode.CONFLICT, agent.name() + " does not offer a choice of model");
    }
    return rpc.request("session/set_model", new JsonObject().put("sessionId", agentSessionId)
        .put("modelId", modelId), limits.requestTimeoutMs()).map(ok -> {
          settings.modelChanged(modelId);
          settingsChanged();
          return settingsView();
        });
  }

  /** {@code session/set_config_option}. */
  public Future<JsonObject> setConfigOption(String configId, Object value) {
    requireAlive();
    return rpc.request("session/set_config_option", new JsonObject().put("sessionId", agentSessionId)
        .put("configId", configId).put("value", value), limits.requestTimeoutMs()).map(result -> {
          if (result.getValue("configOptions") instanceof JsonArray options) {
            settings.configOptionsChanged(options);
          }
          settingsChanged();
          return settingsView();
        });
  }

  /** Changes which permission requests are answered without asking. */
  public JsonObject setAutoApprove(AutoApprove newPolicy) {
    policy = newPolicy;
    settingsChanged();
    return settingsView();
  }

  private void settingsChanged() {
    settingsChanged = true;
    if (turn == null && !loading && status != SessionStatus.STARTING) {
      saveSettings();
    }
    if (!loading && status != SessionStatus.STARTING) {
      emit("settings", settingsView());
    }
  }

  private void saveSettings() {
    settingsChanged = false;
    services.store().append(id, settingsLine());
  }

  private JsonObject settingsLine() {
    return settingsView().put("t", "settings").put("at", Instant.now().toString());
  }

  private JsonObject settingsView() {
    return settings.toJson().put("auto_approve", policy.wire());
  }

  // ---- permissions

  /** The person's answer to a permission request: an option id, or null to dismiss it. */
  public void answerPermission(String requestId, String optionId) {
    if (optionId == null) {
      permissions.dismiss(requestId);
    } else {
      permissions.choose(requestId, optionId);
    }
  }

  // ---- events and views

  /** Emits a session event; during a turn it also becomes part of the turn's story. */
  private void emit(String type, JsonObject fields) {
    JsonObject event = events.emit(type, fields);
    if (turn != null) {
      turn.record(event);
    }
  }

  private void setStatus(SessionStatus newStatus, String reason) {
    status = newStatus;
    statusReason = reason;
    if (stored && newStatus != SessionStatus.PROMPTING && newStatus != SessionStatus.STARTING
        && (newStatus != SessionStatus.READY || reason != null)) {
      JsonObject line = new JsonObject().put("t", "status").put("status", newStatus.wire())
          .put("at", Instant.now().toString());
      if (reason != null) {
        line.put("reason", reason);
      }
      services.store().append(id, line);
    }
    emit("status", new JsonObject().put("status", newStatus.wire()).put("reason", reason));
  }

  private void requireAlive() {
    if (!status.alive() || processGone) {
      throw new RefusedException(BusErrorCode.CONFLICT, "The session is not active (" + status.wire() + ")");
    }
  }

  private JsonObject header() {
    JsonObject header = new JsonObject().put("t", "session").put("id", id).put("agent_kind", agent.kind())
        .put("agent_name", agent.name()).put("working_directory", cwd.toString()).put("created_at", createdAt)
        .put("node", services.config().nodeId()).put("agent_session_id", agentSessionId)
        .put("agent_info", initialize.getValue("agentInfo"))
        .put("agent_capabilities", initialize.getValue("agentCapabilities"))
        .put("signed_in_with", signedInWith);
    settingsView().forEach(field -> header.put(field.getKey(), field.getValue()));
    return header;
  }

  /** The live state shown over the stored one in the session detail. */
  public JsonObject liveView() {
    JsonObject view = settingsView().put("id", id).put("status", status.wire()).put("status_reason", statusReason)
        .put("pid", process == null ? null : process.pid())
        .put("pending_permissions", permissions.pendingJson()).put("last_seq", events.lastSeq())
        .put("terminals", terminals.count()).put("skipped_lines", rpc == null ? 0 : rpc.skippedLines());
    view.put("running_turn", turn == null ? null : turn.toJson());
    return view;
  }

  public String id() {
    return id;
  }

  public SessionStatus status() {
    return status;
  }

  public SessionEvents events() {
    return events;
  }

  public String runningPromptId() {
    return turn == null ? null : turn.promptId;
  }

  public AgentDefinition agent() {
    return agent;
  }
}
