package io.ghcapi.acp.session;

import io.ghcapi.acp.agent.AgentDefinition;
import io.ghcapi.acp.agent.GatewayRouting;
import io.ghcapi.acp.rpc.JsonRpcConnection;
import io.ghcapi.acp.rpc.RpcCodes;
import io.ghcapi.acp.rpc.RpcException;
import io.ghcapi.bus.BusErrorCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Opens a session with a freshly started agent: {@code initialize} (protocol version 1, our capabilities),
 * the {@code gateway} sign-in when the agent offers it and routing is on, then {@code session/new} or
 * {@code session/load}. When the agent answers "authentication required", signs in with its one agent-type
 * method (or the configured one) and tries once more.
 */
final class AgentHandshake {

  static final int PROTOCOL_VERSION = 1;
  private static final Logger LOG = Logger.getLogger(AgentHandshake.class.getName());

  /** What the handshake learnt. */
  record Opened(JsonObject initialize, JsonObject session, String agentSessionId, String signedInWith) {

    JsonObject capabilities() {
      return initialize.getValue("agentCapabilities") instanceof JsonObject caps ? caps : new JsonObject();
    }
  }

  private final JsonRpcConnection rpc;
  private final AgentDefinition agent;
  private final GatewayRouting routing;
  private final boolean terminals;
  private final long timeoutMillis;
  private String signedInWith;

  AgentHandshake(JsonRpcConnection rpc, AgentDefinition agent, GatewayRouting routing, boolean terminals,
      long timeoutMillis) {
    this.rpc = rpc;
    this.agent = agent;
    this.routing = routing;
    this.terminals = terminals;
    this.timeoutMillis = timeoutMillis;
  }

  /** {@code initialize} … {@code session/new}. */
  Future<Opened> newSession(Path cwd) {
    JsonObject params = new JsonObject().put("cwd", cwd.toString()).put("mcpServers", new JsonArray());
    return initialize().compose(init -> signIn(init)
        .compose(v -> withSignInRetry(init, () -> rpc.request("session/new", params, timeoutMillis)))
        .map(result -> {
          if (!(result.getValue("sessionId") instanceof String id) || id.isBlank()) {
            throw new RpcException(RpcCodes.INVALID_PARAMS, "The agent's session/new answer has no sessionId");
          }
          return new Opened(init, result, id, signedInWith);
        }));
  }

  /** {@code initialize} … {@code session/load} of a session the agent had before; needs {@code loadSession}. */
  Future<Opened> loadSession(Path cwd, String agentSessionId, long loadTimeoutMillis) {
    JsonObject params = new JsonObject().put("sessionId", agentSessionId).put("cwd", cwd.toString())
        .put("mcpServers", new JsonArray());
    return initialize().compose(init -> {
      JsonObject caps = init.getValue("agentCapabilities") instanceof JsonObject c ? c : new JsonObject();
      if (!caps.getBoolean("loadSession", false)) {
        return Future.failedFuture(new RefusedException(BusErrorCode.CONFLICT,
            agent.name() + " cannot load an earlier session (it does not offer session/load); start a new session"));
      }
      return signIn(init)
          .compose(v -> withSignInRetry(init, () -> rpc.request("session/load", params, loadTimeoutMillis)))
          .map(result -> new Opened(init, result, agentSessionId, signedInWith));
    });
  }

  private Future<JsonObject> initialize() {
    JsonObject capabilities = new JsonObject()
        .put("fs", new JsonObject().put("readTextFile", true).put("writeTextFile", true))
        .put("terminal", terminals);
    if (routing.enabled()) {
      capabilities.put("auth", new JsonObject().put("_meta", new JsonObject().put("gateway", true)));
    }
    JsonObject params = new JsonObject().put("protocolVersion", PROTOCOL_VERSION)
        .put("clientCapabilities", capabilities)
        .put("clientInfo", new JsonObject().put("name", "ghc-api").put("title", "ghc-api agents").put("version", "0.1.0"));
    return rpc.request("initialize", params, timeoutMillis).map(init -> {
      Object version = init.getValue("protocolVersion");
      if (version instanceof Number number && number.intValue() != PROTOCOL_VERSION) {
        throw new RpcException(RpcCodes.INVALID_REQUEST, "The agent speaks ACP version " + number
            + "; this server speaks version " + PROTOCOL_VERSION);
      }
      return init;
    });
  }

  /** Before the session: the gateway sign-in, or the configured method. */
  private Future<Void> signIn(JsonObject init) {
    JsonArray methods = authMethods(init);
    Optional<JsonObject> gateway = routing.gatewayMethod(methods);
    if (gateway.isPresent()) {
      JsonObject params = routing.authenticateParams(gateway.get());
      return rpc.request("authenticate", params, timeoutMillis).map(ok -> {
        signedInWith = params.getString("methodId");
        return (Void) null;
      }).recover(failed -> {
        LOG.warning(() -> "acp: " + agent.name() + " refused the gateway sign-in (" + failed.getMessage()
            + "); it keeps its environment settings");
        return Future.succeededFuture();
      });
    }
    if (!agent.authMethod().isEmpty()) {
      return authenticate(agent.authMethod());
    }
    return Future.succeededFuture();
  }

  private Future<JsonObject> withSignInRetry(JsonObject init, java.util.function.Supplier<Future<JsonObject>> call) {
    return call.get().recover(failed -> {
      if (!(failed instanceof RpcException error) || error.code() != RpcCodes.AUTH_REQUIRED) {
        return Future.failedFuture(failed);
      }
      String method = chooseSignIn(authMethods(init));
      if (method == null) {
        return Future.failedFuture(new RefusedException(BusErrorCode.CONFLICT, agent.name()
            + " needs a sign-in first (" + error.getMessage() + "). Offered: " + describe(authMethods(init))
            + ". Sign in with the agent's own command in a terminal, or set acp_agents." + agent.kind()
            + ".auth_method."));
      }
      return authenticate(method).compose(v -> call.get());
    });
  }

  private Future<Void> authenticate(String methodId) {
    return rpc.request("authenticate", new JsonObject().put("methodId", methodId), timeoutMillis).map(ok -> {
      signedInWith = methodId;
      return null;
    });
  }

  /** The configured method, or the only method the agent can run by itself (not a terminal or gateway one). */
  private String chooseSignIn(JsonArray methods) {
    if (!agent.authMethod().isEmpty() && !agent.authMethod().equals(signedInWith)) {
      return agent.authMethod();
    }
    List<String> usable = new ArrayList<>();
    for (Object item : methods) {
      if (item instanceof JsonObject method && method.getValue("id") instanceof String id
          && !"terminal".equals(method.getString("type")) && !(method.getValue("_meta") instanceof JsonObject meta
          && meta.containsKey("gateway")) && !id.equals(signedInWith)) {
        usable.add(id);
      }
    }
    return usable.size() == 1 ? usable.get(0) : null;
  }

  private static JsonArray authMethods(JsonObject init) {
    return init.getValue("authMethods") instanceof JsonArray methods ? methods : new JsonArray();
  }

  private static String describe(JsonArray methods) {
    List<String> names = new ArrayList<>();
    for (Object item : methods) {
      if (item instanceof JsonObject method) {
        names.add(method.getString("name", String.valueOf(method.getValue("id"))) + " ("
            + method.getValue("id") + ")");
      }
    }
    return names.isEmpty() ? "no sign-in methods" : String.join(", ", names);
  }
}
