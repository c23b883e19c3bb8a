package io.ghcapi.acp.api;

import io.ghcapi.acp.AcpConfig;
import io.ghcapi.acp.agent.AgentDefinition;
import io.ghcapi.acp.agent.AgentNotFoundException;
import io.ghcapi.acp.agent.CommandLocator;
import io.ghcapi.acp.rpc.ConnectionClosedException;
import io.ghcapi.acp.rpc.RequestTimeoutException;
import io.ghcapi.acp.rpc.RpcException;
import io.ghcapi.acp.session.AgentSession;
import io.ghcapi.acp.session.AutoApprove;
import io.ghcapi.acp.session.RefusedException;
import io.ghcapi.acp.session.SessionManager;
import io.ghcapi.acp.store.SessionStore;
import io.ghcapi.bus.AdminCall;
import io.ghcapi.bus.BusErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The admin API under {@code /api/agent}, as {@link AdminCall}s relayed by the gateway (which has already
 * checked admin access). Routes are listed in {@code docs/agents.md}.
 */
public final class AgentApi {

  private static final Logger LOG = Logger.getLogger(AgentApi.class.getName());
  private static final int MAX_PER_PAGE = 200;
  private static final int MAX_STREAMS_PER_SESSION = 16;

  private final Vertx vertx;
  private final SessionManager sessions;
  private final AcpConfig config;
  private final CommandLocator locator;
  private final FolderListing folders;

  public AgentApi(Vertx vertx, SessionManager sessions, AcpConfig config, CommandLocator locator) {
    this.vertx = vertx;
    this.sessions = sessions;
    this.config = config;
    this.locator = locator;
    this.folders = new FolderListing();
  }

  /** Answers one relayed call. */
  public void handle(Message<JsonObject> message) {
    AdminCall call;
    try {
      call = AdminCall.fromJson(message.body());
    } catch (RuntimeException e) {
      message.fail(BusErrorCode.BAD_REQUEST.code(), "Not an admin call: " + e.getMessage());
      return;
    }
    Future<JsonObject> reply;
    try {
      reply = route(call, Route.of(call.method(), call.path()));
    } catch (RuntimeException e) {
      reply = Future.failedFuture(e);
    }
    reply.onSuccess(message::reply).onFailure(error -> fail(message, call, error));
  }

  private Future<JsonObject> route(AdminCall call, Route route) {
    if (route.is("GET") || route.is("GET", "overview")) {
      return overview();
    }
    if (route.is("GET", "agents")) {
      return agents().map(list -> AdminCall.ok(new JsonObject().put("agents", list)));
    }
    if (route.is("GET", "workdirs")) {
      return ok(new JsonObject().put("dirs", new JsonArray(sessions.workdirs())));
    }
    if (route.is("GET", "folders")) {
      String start = call.param("path", sessions.workdirs().isEmpty() ? System.getProperty("user.home")
          : sessions.workdirs().get(0));
      return vertx.executeBlocking(() -> folders.list(start), false).map(AdminCall::ok);
    }
    if (route.is("GET", "sessions")) {
      int page = intParam(call, "page", 1, 1, Integer.MAX_VALUE);
      int perPage = intParam(call, "per_page", 50, 1, MAX_PER_PAGE);
      return ok(sessions.list(page, perPage));
    }
    if (route.is("POST", "sessions")) {
      return create(call.bodyObject());
    }
    if (route.segments().size() >= 2 && route.segment(0).equals("sessions")) {
      String id = route.segment(1);
      if (!SessionStore.validId(id)) {
        throw new RefusedException(BusErrorCode.NOT_FOUND, "Session not found: " + id);
      }
      return sessionRoute(call, route, id);
    }
    throw new RefusedException(BusErrorCode.NOT_FOUND, "No such agents API route: " + call.method() + " "
        + call.path());
  }

  private Future<JsonObject> sessionRoute(AdminCall call, Route route, String id) {
    JsonObject body = call.bodyObject();
    if (route.is("GET", "sessions", "*")) {
      return sessions.detail(id).map(AdminCall::ok);
    }
    if (route.is("DELETE", "sessions", "*") || route.is("POST", "sessions", "*", "close")) {
      AgentSession session = sessions.find(id);
      if (session == null) {
        return sessions.detail(id).map(detail -> AdminCall.ok(new JsonObject().put("ok", true)
            .put("status", detail.getString("status"))));
      }
      return session.close().compose(v -> sessions.detail(id)).map(detail -> AdminCall.ok(
          new JsonObject().put("ok", true).put("status", detail.getString("status"))));
    }
    if (route.is("POST", "sessions", "*", "prompt")) {
      return prompt(call, sessions.running(id), body);
    }
    if (route.is("GET", "sessions", "*", "events")) {
      return events(call, sessions.running(id));
    }
    if (route.is("POST", "sessions", "*", "cancel")) {
      boolean cancelled = sessions.running(id).cancel();
      return ok(new JsonObject().put("ok", true).put("cancelled", cancelled));
    }
    if (route.is("POST", "sessions", "*", "permissions", "*")) {
      String option = body.getValue("option_id") instanceof String text ? text : null;
      if (option == null && !Boolean.TRUE.equals(body.getValue("dismiss"))) {
        throw new RefusedException(BusErrorCode.BAD_REQUEST, "Send {\"option_id\": \"...\"} or {\"dismiss\": true}");
      }
      sessions.running(id).answerPermission(route.segment(3), option);
      return ok(new JsonObject().put("ok", true));
    }
    if (route.is("POST", "sessions", "*", "mode")) {
      return sessions.running(id).setMode(requiredText(body, "mode_id")).map(AdminCall::ok);
    }
    if (route.is("POST", "sessions", "*", "model")) {
      return sessions.running(id).setModel(requiredText(body, "model_id")).map(AdminCall::ok);
    }
    if (route.is("POST", "sessions", "*", "config")) {
      if (!body.containsKey("value")) {
        throw new RefusedException(BusErrorCode.BAD_REQUEST, "value is required");
      }
      return sessions.running(id).setConfigOption(requiredText(body, "config_id"), body.getValue("value"))
          .map(AdminCall::ok);
    }
    if (route.is("POST", "sessions", "*", "auto-approve")) {
      return ok(sessions.running(id).setAutoApprove(policy(requiredText(body, "policy"))));
    }
    if (route.is("POST", "sessions", "*", "resume")) {
      return sessions.resume(id).map(AdminCall::ok);
    }
    throw new RefusedException(BusErrorCode.NOT_FOUND, "No such agents API route: " + call.method() + " "
        + call.path());
  }

  private Future<JsonObject> overview() {
    return agents().map(list -> AdminCall.ok(new JsonObject().put("agents", list)
        .put("workdirs", new JsonArray(sessions.workdirs())).put("running", sessions.runningCount())
        .put("max_sessions", config.limits().maxSessions()).put("auto_approve", config.autoApprove().wire())
        .put("gateway", new JsonObject().put("enabled", config.routing().enabled())
            .put("base_url", config.routing().baseUrl()))
        .put("home", System.getProperty("user.home"))));
  }

  /** Each agent kind with whether its program is installed here. */
  private Future<JsonArray> agents() {
    List<AgentDefinition> all = List.copyOf(config.agents().all());
    return vertx.executeBlocking(() -> {
      JsonArray out = new JsonArray();
      for (AgentDefinition agent : all) {
        JsonObject item = agent.toJson();
        try {
          item.put("available", true).put("path", locator.locate(agent).toString());
        } catch (AgentNotFoundException missing) {
          item.put("available", false).put("problem", missing.getMessage());
        }
        out.add(item);
      }
      return out;
    }, false);
  }

  private Future<JsonObject> create(JsonObject body) {
    String kind = requiredText(body, "agent_kind");
    String directory = requiredText(body, "working_directory");
    AutoApprove policy = body.getValue("auto_approve") instanceof String text ? policy(text) : null;
    String mode = body.getValue("mode") instanceof String text && !text.isBlank() ? text : null;
    return sessions.create(kind, directory, policy, mode).map(detail -> AdminCall.reply(201, detail));
  }

  private Future<JsonObject> prompt(AdminCall call, AgentSession session, JsonObject body) {
    JsonArray blocks;
    String text;
    if (body.getValue("prompt") instanceof JsonArray given && !given.isEmpty()) {
      blocks = given;
      text = body.getValue("text") instanceof String t ? t : describe(given);
    } else {
      text = requiredText(body, "text");
      blocks = new JsonArray().add(new JsonObject().put("type", "text").put("text", text));
    }
    requireStreamTarget(call, session);
    String[] promptId = new String[1];
    EventStream stream = new EventStream(vertx, call.streamTo(),
        event -> promptId[0] != null && EventStream.endOfTurn(promptId[0]).test(event),
        config.limits().streamPingMs()).attach(session);
    try {
      promptId[0] = session.prompt(text, blocks);
    } catch (RuntimeException refused) {
      stream.detach();
      return Future.failedFuture(refused);
    }
    return Future.succeededFuture(AdminCall.streaming());
  }

  private Future<JsonObject> events(AdminCall call, AgentSession session) {
    requireStreamTarget(call, session);
    long after = intParam(call, "after", 0, 0, Integer.MAX_VALUE);
    EventStream stream = new EventStream(vertx, call.streamTo(), EventStream.endOfSession(),
        config.limits().streamPingMs()).attach(session);
    stream.replay(session.events().after(after));
    return Future.succeededFuture(AdminCall.streaming());
  }

  private static void requireStreamTarget(AdminCall call, AgentSession session) {
    if (call.streamTo() == null || call.streamTo().isBlank()) {
      throw new RefusedException(BusErrorCode.BAD_REQUEST, "This route streams server-sent events; call it "
          + "through the gateway");
    }
    if (session.events().listenerCount() >= MAX_STREAMS_PER_SESSION) {
      throw new RefusedException(BusErrorCode.CONFLICT, "Too many streams are open on this session");
    }
  }

  private static String describe(JsonArray blocks) {
    StringBuilder text = new StringBuilder();
    for (Object block : blocks) {
      if (block instanceof JsonObject content && "text".equals(content.getString("type"))) {
        text.append(content.getString("text", ""));
      }
    }
    return text.toString();
  }

  private static AutoApprove policy(String value) {
    try {
      return AutoApprove.parse(value);
    } catch (IllegalArgumentException e) {
      throw new RefusedException(BusErrorCode.BAD_REQUEST, "auto_approve " + e.getMessage());
    }
  }

  private static String requiredText(JsonObject body, String key) {
    if (!(body.getValue(key) instanceof String text) || text.isBlank()) {
      throw new RefusedException(BusErrorCode.BAD_REQUEST, key + " is required");
    }
    return text;
  }

  private static int intParam(AdminCall call, String name, int fallback, int min, int max) {
    String value = call.param(name, null);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Math.max(min, Math.min(max, Integer.parseInt(value.trim())));
    } catch (NumberFormatException e) {
      throw new RefusedException(BusErrorCode.BAD_REQUEST, name + " must be a whole number");
    }
  }

  private static Future<JsonObject> ok(JsonObject body) {
    return Future.succeededFuture(AdminCall.ok(body));
  }

  private static void fail(Message<JsonObject> message, AdminCall call, Throwable error) {
    if (error instanceof RefusedException refused) {
      message.fail(refused.code().code(), refused.getMessage());
    } else if (error instanceof AgentNotFoundException missing) {
      message.fail(BusErrorCode.UNAVAILABLE.code(), missing.getMessage());
    } else if (error instanceof RpcException agentError) {
      message.fail(BusErrorCode.CONFLICT.code(), "The agent refused: " + agentError.getMessage());
    } else if (error instanceof RequestTimeoutException timeout) {
      message.fail(BusErrorCode.UNAVAILABLE.code(), timeout.getMessage());
    } else if (error instanceof ConnectionClosedException closed) {
      message.fail(BusErrorCode.CONFLICT.code(), "The session ended: " + closed.getMessage());
    } else if (error instanceof IllegalArgumentException bad) {
      message.fail(BusErrorCode.BAD_REQUEST.code(), bad.getMessage());
    } else {
      LOG.log(Level.WARNING, "acp: " + call.method() + " " + call.path() + " failed", error);
      message.fail(BusErrorCode.INTERNAL.code(), String.valueOf(error.getMessage()));
    }
  }
}
