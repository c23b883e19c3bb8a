package io.ghcapi.acp.agent;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * One kind of agent that sessions can run.
 *
 * @param kind the id used by the API ({@code claude-code}, {@code codex}, {@code copilot-cli}, or one from config)
 * @param name what people call it
 * @param command the program: a name looked up on the PATH, or a path
 * @param args its arguments
 * @param environment variables set for it (over the inherited environment)
 * @param gateway how its model traffic is pointed at this gateway
 * @param npmPackage the npm package that provides it, for the "not installed" message (may be empty)
 * @param commandVariable the environment variable that overrides {@code command} (may be empty)
 * @param authMethod an {@code authenticate} method id to use before {@code session/new} (may be empty)
 */
public record AgentDefinition(String kind, String name, String command, List<String> args,
    Map<String, String> environment, GatewayStyle gateway, String npmPackage, String commandVariable,
    String authMethod) {

  public AgentDefinition {
    args = List.copyOf(args);
    environment = Map.copyOf(environment);
  }

  public AgentDefinition withCommand(String newCommand, List<String> newArgs) {
    return new AgentDefinition(kind, name, newCommand, newArgs, environment, gateway, npmPackage, commandVariable,
        authMethod);
  }

  /** The description the API shows (never the environment: it may hold keys). */
  public JsonObject toJson() {
    return new JsonObject().put("kind", kind).put("name", name).put("command", command)
        .put("args", new JsonArray(args)).put("gateway", gateway.wire())
        .put("npm_package", npmPackage.isEmpty() ? null : npmPackage);
  }
}
