package io.ghcapi.acp.agent;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent kinds sessions can run: the three built in, each changed by config ({@code acp_agents.<kind>})
 * or by its environment variable, plus any kind the config adds.
 */
public final class AgentCatalog {

  private static final List<AgentDefinition> BUILT_IN = List.of(
      new AgentDefinition("claude-code", "Claude Code", "claude-agent-acp", List.of(), Map.of(), GatewayStyle.ANTHROPIC,
          "@agentclientprotocol/claude-agent-acp", "CLAUDE_ACP_BINARY", ""),
      new AgentDefinition("codex", "Codex", "codex-acp", List.of(), Map.of(), GatewayStyle.CODEX,
          "@agentclientprotocol/codex-acp", "CODEX_ACP_BINARY", ""),
      new AgentDefinition("copilot-cli", "GitHub Copilot CLI", "copilot", List.of("--acp"), Map.of(),
          GatewayStyle.COPILOT, "@github/copilot", "COPILOT_CLI_BINARY", ""));

  private final Map<String, AgentDefinition> definitions;

  private AgentCatalog(Map<String, AgentDefinition> definitions) {
    this.definitions = definitions;
  }

  /**
   * @param configured the {@code acp_agents} object (may be null)
   * @param env the environment, for the {@code *_BINARY} overrides
   */
  public static AgentCatalog from(JsonObject configured, Map<String, String> env) {
    Map<String, AgentDefinition> definitions = new LinkedHashMap<>();
    for (AgentDefinition builtIn : BUILT_IN) {
      String override = env.get(builtIn.commandVariable());
      definitions.put(builtIn.kind(), override == null || override.isBlank() ? builtIn
          : builtIn.withCommand(override.trim(), builtIn.args()));
    }
    if (configured != null) {
      for (String kind : configured.fieldNames()) {
        if (!kind.matches("[a-z0-9][a-z0-9._-]{0,39}")) {
          throw new IllegalArgumentException("acp_agents: '" + kind
              + "' is not a usable agent kind (lower-case letters, digits, '.', '_' and '-')");
        }
        if (!(configured.getValue(kind) instanceof JsonObject entry)) {
          throw new IllegalArgumentException("acp_agents." + kind + ": must be a mapping");
        }
        if (Boolean.FALSE.equals(entry.getValue("enabled"))) {
          definitions.remove(kind);
        } else {
          definitions.put(kind, merge(kind, definitions.get(kind), entry));
        }
      }
    }
    return new AgentCatalog(definitions);
  }

  private static AgentDefinition merge(String kind, AgentDefinition base, JsonObject entry) {
    String where = "acp_agents." + kind;
    String command = text(entry, "command", where, base == null ? null : base.command());
    if (command == null) {
      throw new IllegalArgumentException(where + ".command: is required for an agent kind that is not built in");
    }
    List<String> args = entry.containsKey("args") ? strings(entry.getValue("args"), where + ".args")
        : entry.containsKey("command") || base == null ? List.of() : base.args();
    Map<String, String> environment = new LinkedHashMap<>(base == null ? Map.of() : base.environment());
    if (entry.getValue("env") != null) {
      if (!(entry.getValue("env") instanceof JsonObject env)) {
        throw new IllegalArgumentException(where + ".env: must be a mapping of names to values");
      }
      env.forEach(e -> environment.put(e.getKey(), e.getValue() == null ? "" : String.valueOf(e.getValue())));
    }
    GatewayStyle gateway = base == null ? GatewayStyle.NONE : base.gateway();
    if (entry.getValue("gateway") != null) {
      try {
        gateway = GatewayStyle.parse(String.valueOf(entry.getValue("gateway")));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ".gateway: " + e.getMessage(), e);
      }
    }
    return new AgentDefinition(kind, text(entry, "name", where, base == null ? kind : base.name()), command, args,
        environment, gateway, text(entry, "npm_package", where, base == null ? "" : base.npmPackage()),
        base == null ? "" : base.commandVariable(), text(entry, "auth_method", where, base == null ? "" : base.authMethod()));
  }

  private static String text(JsonObject entry, String key, String where, String fallback) {
    Object value = entry.getValue(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof String text) || text.isBlank() && !key.equals("auth_method")) {
      throw new IllegalArgumentException(where + "." + key + ": must be a non-empty string");
    }
    return text.trim();
  }

  private static List<String> strings(Object value, String where) {
    if (!(value instanceof JsonArray array)) {
      throw new IllegalArgumentException(where + ": must be a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (Object item : array) {
      if (item == null || item instanceof JsonObject || item instanceof JsonArray) {
        throw new IllegalArgumentException(where + ": must be a list of strings");
      }
      out.add(String.valueOf(item));
    }
    return out;
  }

  public Optional<AgentDefinition> find(String kind) {
    return Optional.ofNullable(kind == null ? null : definitions.get(kind));
  }

  public Collection<AgentDefinition> all() {
    return definitions.values();
  }
}
