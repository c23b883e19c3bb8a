package io.ghcapi.acp.session;

import io.ghcapi.acp.agent.AgentDefinition;
import io.ghcapi.acp.store.WorkdirHistory;
import io.ghcapi.bus.BusErrorCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The sessions of this server: starts them (at most {@code acp_max_sessions} processes at once), finds the
 * running ones, lists and reads stored ones (merged with the live state), reloads a stored one, and ends them
 * all when the server stops. Used from one Vert.x context.
 */
public final class SessionManager {

  private final SessionServices services;
  private final WorkdirHistory workdirs;
  private final Map<String, AgentSession> live = new LinkedHashMap<>();
  private final Set<String> starting = new HashSet<>();

  public SessionManager(SessionServices services, WorkdirHistory workdirs) {
    this.services = services;
    this.workdirs = workdirs;
  }

  /**
   * Starts a session.
   *
   * @param kind the agent kind
   * @param workingDirectory an existing directory (absolute, or starting with {@code ~/})
   * @param policy the auto-approve policy, or null for the configured default
   * @param mode a mode to switch to once started, or null
   * @return the new session's detail
   */
  public Future<JsonObject> create(String kind, String workingDirectory, AutoApprove policy, String mode) {
    AgentDefinition agent = services.config().agents().find(kind).orElseThrow(() -> new RefusedException(
        BusErrorCode.BAD_REQUEST, "Unknown agent_kind '" + kind + "'; known: " + kinds()));
    if (live.size() + starting.size() >= services.limits().maxSessions()) {
      throw new RefusedException(BusErrorCode.CONFLICT, "Too many agent sessions are running ("
          + services.limits().maxSessions() + "); close one first");
    }
    String id = UUID.randomUUID().toString();
    starting.add(id);
    return services.vertx().executeBlocking(() -> realDirectory(workingDirectory), false)
        .compose(cwd -> AgentSession.start(services, id, agent, cwd,
            policy == null ? services.config().autoApprove() : policy, this::ended)
            .onSuccess(session -> workdirs.remember(cwd.toString())))
        .onComplete(done -> starting.remove(id))
        .compose(session -> {
          live.put(id, session);
          services.store().prune(live.keySet());
          if (mode == null) {
            return Future.succeededFuture(session);
          }
          return session.setMode(mode).map(ok -> session).recover(refused -> {
            session.close();
            return Future.failedFuture(refused);
          });
        })
        .compose(session -> detail(session.id()));
  }

  /** Starts the agent of a stored session again and reloads the session ({@code session/load}). */
  public Future<JsonObject> resume(String id) {
    if (live.containsKey(id) || starting.contains(id)) {
      throw new RefusedException(BusErrorCode.CONFLICT, "The session is already running");
    }
    if (live.size() + starting.size() >= services.limits().maxSessions()) {
      throw new RefusedException(BusErrorCode.CONFLICT, "Too many agent sessions are running ("
          + services.limits().maxSessions() + "); close one first");
    }
    JsonObject stored = services.store().summary(id);
    if (stored == null) {
      throw notFound(id);
    }
    AgentDefinition agent = services.config().agents().find(stored.getString("agent_kind")).orElseThrow(() ->
        new RefusedException(BusErrorCode.CONFLICT, "The agent kind '" + stored.getString("agent_kind")
            + "' of this session is not configured any more"));
    if (stored.getString("agent_session_id") == null) {
      throw new RefusedException(BusErrorCode.CONFLICT, "This session never started; start a new one");
    }
    starting.add(id);
    return services.vertx().executeBlocking(() -> realDirectory(stored.getString("working_directory")), false)
        .compose(cwd -> AgentSession.resume(services, stored, agent, cwd, this::ended))
        .onComplete(done -> starting.remove(id))
        .compose(session -> {
          live.put(id, session);
          return detail(id);
        });
  }

  private void ended(AgentSession session) {
    live.remove(session.id(), session);
  }

  /** A running session, or 404/409. */
  public AgentSession running(String id) {
    AgentSession session = live.get(id);
    if (session != null) {
      return session;
    }
    if (services.store().summary(id) != null) {
      throw new RefusedException(BusErrorCode.CONFLICT, "The session is not active ("
          + SessionStatus.storedView(services.store().summary(id).getString("status")) + ")");
    }
    throw notFound(id);
  }

  /** A running session, or null. */
  public AgentSession find(String id) {
    return live.get(id);
  }

  /** The stored session with its messages, overlaid with the live state when it runs; 404 when unknown. */
  public Future<JsonObject> detail(String id) {
    AgentSession session = live.get(id);
    return services.store().read(id).map(stored -> {
      if (stored == null && session == null) {
        throw notFound(id);
      }
      JsonObject detail = stored == null ? new JsonObject().put("messages", new JsonArray()) : stored;
      if (session != null) {
        session.liveView().forEach(field -> detail.put(field.getKey(), field.getValue()));
      } else {
        detail.put("status", SessionStatus.storedView(detail.getString("status")));
        detail.put("pending_permissions", new JsonArray()).put("running_turn", (Object) null);
      }
      detail.put("can_resume", canResume(detail, session));
      return detail;
    });
  }

  /** A page of sessions, newest first: {@code {items, total, page, per_page, total_pages}}. */
  public JsonObject list(int page, int perPage) {
    List<JsonObject> all = new ArrayList<>(services.store().summaries());
    int total = all.size();
    int totalPages = Math.max(1, (total + perPage - 1) / perPage);
    JsonArray items = new JsonArray();
    int from = (page - 1) * perPage;
    for (int i = from; i < Math.min(total, from + perPage); i++) {
      JsonObject item = all.get(i);
      AgentSession session = live.get(item.getString("id"));
      if (session != null) {
        item.put("status", session.status().wire()).put("running_prompt_id", session.runningPromptId());
      } else {
        item.put("status", SessionStatus.storedView(item.getString("status")));
      }
      item.put("can_resume", canResume(item, session));
      items.add(item);
    }
    return new JsonObject().put("items", items).put("total", total).put("page", page).put("per_page", perPage)
        .put("total_pages", totalPages);
  }

  private boolean canResume(JsonObject stored, AgentSession session) {
    if (session != null || stored.getString("agent_session_id") == null) {
      return false;
    }
    Object caps = stored.getValue("agent_capabilities");
    return caps instanceof JsonObject capabilities && capabilities.getBoolean("loadSession", false)
        && services.config().agents().find(stored.getString("agent_kind")).isPresent();
  }

  public int runningCount() {
    return live.size();
  }

  public List<String> workdirs() {
    return workdirs.dirs();
  }

  /** Ends every session's process (SIGKILL after the grace period); completes when all have ended. */
  public Future<Void> stopAll() {
    List<Future<Void>> endings = new ArrayList<>();
    for (AgentSession session : new ArrayList<>(live.values())) {
      session.kill();
      endings.add(session.ended().timeout(services.limits().stopGraceMs() * 2, TimeUnit.MILLISECONDS));
    }
    return Future.join(endings).otherwiseEmpty().compose(v -> services.store().drain());
  }

  private String kinds() {
    return String.join(", ", services.config().agents().all().stream().map(AgentDefinition::kind).toList());
  }

  private static RefusedException notFound(String id) {
    return new RefusedException(BusErrorCode.NOT_FOUND, "Session not found: " + id);
  }

  /** The real path of an existing directory; refused with a clear message otherwise. Blocking. */
  static Path realDirectory(String requested) {
    if (requested == null || requested.isBlank()) {
      throw new RefusedException(BusErrorCode.BAD_REQUEST, "working_directory is required");
    }
    String expanded = requested.strip();
    if (expanded.equals("~") || expanded.startsWith("~/")) {
      expanded = System.getProperty("user.home") + expanded.substring(1);
    }
    Path path = Path.of(expanded);
    if (!path.isAbsolute()) {
      throw new RefusedException(BusErrorCode.BAD_REQUEST, "working_directory must be an absolute path: " + requested);
    }
    if (!Files.isDirectory(path)) {
      throw new RefusedException(BusErrorCode.BAD_REQUEST, "working_directory is not an existing folder: " + requested);
    }
    try {
      return path.toRealPath();
    } catch (java.io.IOException e) {
      throw new RefusedException(BusErrorCode.BAD_REQUEST, "Cannot use " + requested + ": " + e.getMessage());
    }
  }
}
