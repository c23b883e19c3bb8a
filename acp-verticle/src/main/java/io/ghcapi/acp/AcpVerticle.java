package io.ghcapi.acp;

import io.ghcapi.acp.agent.CommandLocator;
import io.ghcapi.acp.agent.ProcessRegistry;
import io.ghcapi.acp.api.AgentApi;
import io.ghcapi.acp.session.SessionManager;
import io.ghcapi.acp.session.SessionServices;
import io.ghcapi.acp.store.SessionStore;
import io.ghcapi.acp.store.WorkdirHistory;
import io.ghcapi.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;

/**
 * Code agents over the Agent Client Protocol: answers the {@code /api/agent/*} admin calls the gateway relays
 * on {@link Addresses#ACP_API}, runs one agent process per session, and publishes each session's events on
 * {@code ghc.acp.session.<id>.events}. No agent process outlives it: they are ended when it is undeployed
 * and, by a shutdown hook, when the JVM exits. Deploy one instance per node: the sessions live in it. See
 * {@code docs/agents.md}.
 */
public final class AcpVerticle extends VerticleBase {

  private final Map<String, String> env;
  private AcpConfig settings;
  private ProcessRegistry processes;
  private SessionManager sessions;
  private MessageConsumer<JsonObject> api;
  private Thread shutdownHook;

  public AcpVerticle() {
    this(System.getenv());
  }

  /** @param env the environment read for the agent overrides and the PATH */
  public AcpVerticle(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  @Override
  public Future<?> start() {
    try {
      settings = AcpConfig.from(config(), env);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    processes = new ProcessRegistry();
    shutdownHook = new Thread(processes::killAll, "acp-agents-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    SessionStore store = new SessionStore(vertx, settings.stateDir(), settings.persist(),
        settings.limits().maxStoredSessions());
    WorkdirHistory workdirs = new WorkdirHistory(vertx, settings.stateDir(), settings.persist());
    CommandLocator locator = new CommandLocator(settings.agentPath(), env.get("PATH"));
    sessions = new SessionManager(new SessionServices(vertx, settings, store, processes, locator), workdirs);
    AgentApi handler = new AgentApi(vertx, sessions, settings, locator);
    return store.open().compose(v -> workdirs.open()).compose(v -> {
      store.prune(Set.of());
      api = vertx.eventBus().localConsumer(Addresses.ACP_API, handler::handle);
      return api.completion();
    });
  }

  /** The config in use (after defaults). */
  public AcpConfig settings() {
    return settings;
  }

  @Override
  public Future<?> stop() {
    Future<Void> unregistered = api == null ? Future.succeededFuture() : api.unregister();
    return unregistered.otherwiseEmpty()
        .compose(v -> sessions == null ? Future.succeededFuture() : sessions.stopAll())
        .eventually(() -> {
          processes.killAll();
          try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
          } catch (IllegalStateException e) {
            // the JVM is already exiting: the hook runs anyway
          }
          return Future.succeededFuture();
        });
  }
}
