package io.ghcapi.acp;

import io.ghcapi.acp.agent.AgentCatalog;
import io.ghcapi.acp.agent.GatewayRouting;
import io.ghcapi.acp.session.AutoApprove;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The agents service's deployment config. Every key is optional (see {@code docs/agents.md}); a value of the
 * wrong type or out of range fails the deployment with the key and the reason.
 *
 * @param nodeId this node's id, recorded in each session
 * @param stateDir sessions and recent working directories ({@code acp_state_dir})
 * @param persist false keeps sessions in memory only
 * @param agents the agent kinds ({@code acp_agents})
 * @param agentPath directories searched for agent programs before the PATH
 * @param inheritEnvironment whether agents start with this server's environment
 * @param routing where agents send their model traffic
 * @param autoApprove the permission policy of new sessions
 * @param limits bounds and deadlines
 */
public record AcpConfig(String nodeId, Path stateDir, boolean persist, AgentCatalog agents, List<Path> agentPath,
    boolean inheritEnvironment, GatewayRouting routing, AutoApprove autoApprove, Limits limits) {

  /**
   * @param maxSessions agent processes running at once
   * @param maxStoredSessions sessions kept on disk (the oldest files are removed)
   * @param maxEventsPerSession events kept per live session for late listeners
   * @param maxTurnEvents entries kept for one turn after compaction
   * @param maxLineBytes one line from an agent
   * @param maxFileBytes one file read for an agent
   * @param maxPendingPermissions permission requests waiting per session
   * @param permissionTimeoutMs a permission request nobody answers is rejected after this
   * @param startTimeoutMs each step of starting an agent ({@code initialize}, {@code authenticate}, {@code session/new})
   * @param loadTimeoutMs {@code session/load}
   * @param requestTimeoutMs other requests to an agent ({@code session/set_mode}, ...)
   * @param cancelGraceMs after a cancel, how long the agent has to end its turn before its process is ended
   * @param promptMaxMs the longest turn (0 = no bound besides the process's life)
   * @param stopGraceMs each step of ending a process (close stdin, SIGTERM, SIGKILL)
   * @param streamPingMs {@code ping} events on prompt streams while the agent is quiet
   * @param terminals whether agents may run commands through {@code terminal/*}
   * @param terminalOutputLimit output kept per terminal
   * @param maxTerminals terminals per session
   */
  public record Limits(int maxSessions, int maxStoredSessions, int maxEventsPerSession, int maxTurnEvents,
      int maxLineBytes, long maxFileBytes, int maxPendingPermissions, long permissionTimeoutMs, long startTimeoutMs,
      long loadTimeoutMs, long requestTimeoutMs, long cancelGraceMs, long promptMaxMs, long stopGraceMs,
      long streamPingMs, boolean terminals, int terminalOutputLimit, int maxTerminals) {
  }

  public static AcpConfig from(JsonObject json, Map<String, String> env) {
    ConfigReader r = new ConfigReader(json);
    Path stateDir = Path.of(r.text("acp_state_dir", defaultConfigDir(env).resolve("agents").toString()));
    GatewayRouting routing = new GatewayRouting(r.bool("acp_route_through_gateway", true),
        r.text("acp_gateway_base_url", "http://127.0.0.1:8313"), r.text("acp_gateway_api_key", "ghc-api-agent"));
    AutoApprove autoApprove;
    try {
      autoApprove = AutoApprove.parse(r.text("acp_auto_approve", "ask"));
    } catch (IllegalArgumentException e) {
      throw ConfigReader.bad("acp_auto_approve", "must be one of ask, reads, all", json.getValue("acp_auto_approve"));
    }
    Limits limits = new Limits(
        r.integer("acp_max_sessions", 8, 1, 1000),
        r.integer("acp_max_stored_sessions", 500, 1, 100_000),
        r.integer("acp_max_events_per_session", 2000, 10, 1_000_000),
        r.integer("acp_max_turn_events", 5000, 10, 1_000_000),
        r.integer("acp_max_line_bytes", 16 << 20, 1024, 1 << 30),
        r.number("acp_max_file_bytes", 10L << 20, 1, 1L << 31),
        r.integer("acp_max_pending_permissions", 32, 1, 10_000),
        r.number("acp_permission_timeout_ms", 30 * 60_000L, 1, 24 * 3_600_000L),
        r.number("acp_start_timeout_ms", 45_000, 1, 3_600_000),
        r.number("acp_load_timeout_ms", 50_000, 1, 3_600_000),
        r.number("acp_request_timeout_ms", 30_000, 1, 3_600_000),
        r.number("acp_cancel_grace_ms", 10_000, 1, 600_000),
        r.number("acp_prompt_max_ms", 4 * 3_600_000L, 0, 7 * 24 * 3_600_000L),
        r.number("acp_stop_grace_ms", 2_000, 1, 60_000),
        r.number("acp_stream_ping_ms", 10_000, 10, 600_000),
        r.bool("acp_terminals", true),
        r.integer("acp_terminal_output_limit", 1 << 20, 1024, 64 << 20),
        r.integer("acp_max_terminals", 16, 1, 1000));
    AgentCatalog agents;
    try {
      agents = AgentCatalog.from(r.object("acp_agents"), env);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("acp config " + e.getMessage(), e);
    }
    return new AcpConfig(r.text("node_id", "local"), stateDir, r.bool("acp_persist", true), agents,
        r.texts("acp_agent_path").stream().map(Path::of).toList(), r.bool("acp_inherit_env", true), routing,
        autoApprove, limits);
  }

  /** {@code $GHC_API_CONFIG_DIR} or {@code ~/.ghc-api}. */
  private static Path defaultConfigDir(Map<String, String> env) {
    String configured = env.get("GHC_API_CONFIG_DIR");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".ghc-api");
  }
}
