package io.ghcapi.simulator;

import io.ghcapi.simulator.faults.FaultQueue;
import io.ghcapi.simulator.github.IssuedTokens;
import io.ghcapi.simulator.recording.Counters;
import io.ghcapi.simulator.recording.RequestLog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fake of the GitHub Copilot API and of the GitHub endpoints that issue its tokens, on one HTTP port.
 *
 * <pre>{@code
 * CopilotSimulator.start(vertx, new SimulatorOptions()).onSuccess(sim -> {
 *   // GitHub API base and Copilot API base are both sim.baseUrl()
 * });
 * }</pre>
 */
public final class CopilotSimulator {

  private final Vertx vertx;
  private final String deploymentId;
  private final int port;
  private final String baseUrl;
  private final Faults faults;
  private final RecordedRequests received;
  private final SimulatorStats stats;
  private final IssuedTokens tokens;
  private final AtomicBoolean closed = new AtomicBoolean();

  private CopilotSimulator(Vertx vertx, String deploymentId, int port, String host, SimulatorRouter.Parts parts) {
    this.vertx = vertx;
    this.deploymentId = deploymentId;
    this.port = port;
    this.baseUrl = "http://" + connectableHost(host) + ":" + port;
    this.faults = parts.faults();
    this.received = parts.received();
    this.stats = parts.stats();
    this.tokens = parts.tokens();
  }

  /** Starts a simulator; the options are copied, later changes to them have no effect. */
  public static Future<CopilotSimulator> start(Vertx vertx, SimulatorOptions options) {
    SimulatorOptions own = new SimulatorOptions(options);
    FaultQueue faultQueue = new FaultQueue();
    RequestLog requestLog = new RequestLog(own.recordRequests() ? own.recordLimit() : 0);
    Counters counters = new Counters();
    SimulatorRouter.Parts parts = new SimulatorRouter.Parts(faultQueue, requestLog, counters,
        new IssuedTokens(own.tokenLifetimeSeconds()), new Faults(faultQueue), new RecordedRequests(requestLog),
        new SimulatorStats(counters));
    SimulatorVerticle verticle = new SimulatorVerticle(own, parts);
    return vertx.deployVerticle(verticle)
        .map(id -> new CopilotSimulator(vertx, id, verticle.actualPort(), own.host(), parts));
  }

  /** The port it listens on. */
  public int port() {
    return port;
  }

  /** {@code http://<host>:<port>}: the base URL of both the GitHub API and the Copilot API. */
  public String baseUrl() {
    return baseUrl;
  }

  public Faults faults() {
    return faults;
  }

  public RecordedRequests received() {
    return received;
  }

  public SimulatorStats stats() {
    return stats;
  }

  /** Makes every Copilot token issued so far invalid, as if they had all expired. Returns how many there were. */
  public int expireIssuedTokens() {
    return tokens.expireAll();
  }

  /** Stops the server; open streams are cut. Calling it again does nothing. */
  public Future<Void> close() {
    if (!closed.compareAndSet(false, true)) {
      return Future.succeededFuture();
    }
    return vertx.undeploy(deploymentId);
  }

  private static String connectableHost(String host) {
    return host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
  }
}
