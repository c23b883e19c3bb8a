package io.ghcapi.translator.anthropic;

import io.ghcapi.translator.ToolNames;
import io.ghcapi.translator.Warnings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Anthropic {@code tools} and {@code tool_choice} as Chat Completions function tools. Anthropic-hosted tools
 * (web search, bash, text editor...) have no Chat equivalent and are left out with a warning rather than
 * offered to the model as functions nobody would execute.
 */
final class ToolTranslator {

  private static final JsonObject EMPTY_PARAMETERS =
      new JsonObject().put("type", "object").put("properties", new JsonObject());

  private final ToolNames names;
  private final Warnings warnings;
  /** The client's names of the tools actually sent, so a forced choice can be checked against them. */
  private final Set<String> sentNames = new LinkedHashSet<>();

  ToolTranslator(ToolNames names, Warnings warnings) {
    this.names = names;
    this.warnings = warnings;
  }

  /** Adds {@code tools}, {@code tool_choice} and {@code parallel_tool_calls} to {@code body} as far as they apply. */
  void translate(JsonArray tools, JsonObject toolChoice, JsonObject body) {
    JsonArray functions = new JsonArray();
    if (tools != null) {
      for (int i = 0; i < tools.size(); i++) {
        JsonObject function = function(Fields.element(tools, i, "tools." + i), "tools." + i);
        if (function != null) {
          functions.add(function);
        }
      }
    }
    if (!functions.isEmpty()) {
      body.put("tools", functions);
    }
    if (toolChoice != null) {
      choice(toolChoice, body);
    }
  }

  private JsonObject function(JsonObject tool, String path) {
    String type = Fields.string(tool, "type", path + ".type");
    JsonObject schema = Fields.object(tool, "input_schema", path + ".input_schema");
    String name = Fields.requiredString(tool, "name", path + ".name");
    boolean clientTool = type == null || "custom".equals(type) || schema != null;
    if (!clientTool) {
      warnings.add("tool.server_tool_dropped");
      return null;
    }
    JsonObject function = new JsonObject().put("name", names.outgoing(name));
    String description = Fields.string(tool, "description", path + ".description");
    if (description != null) {
      function.put("description", description);
    }
    function.put("parameters", schema == null ? EMPTY_PARAMETERS.copy() : schema.copy());
    sentNames.add(name);
    return new JsonObject().put("type", "function").put("function", function);
  }

  private void choice(JsonObject toolChoice, JsonObject body) {
    String type = Fields.type(toolChoice, "tool_choice");
    Object choice = switch (type) {
      case "auto" -> "auto";
      case "any" -> "required";
      case "none" -> "none";
      case "tool" -> {
        String name = Fields.requiredString(toolChoice, "name", "tool_choice.name");
        JsonObject function = new JsonObject().put("name", names.outgoing(name));
        yield sentNames.contains(name) ? new JsonObject().put("type", "function").put("function", function) : null;
      }
      default -> throw Fields.invalid("tool_choice.type", "Input should be 'auto', 'any', 'tool' or 'none'");
    };
    if (sentNames.isEmpty()) {
      // Chat rejects a tool_choice without tools; "none" with no tools means the same as no choice at all.
      if (!"none".equals(type)) {
        warnings.add("tool_choice.dropped");
      }
      return;
    }
    if (choice == null) {
      warnings.add("tool_choice.dropped");
      return;
    }
    body.put("tool_choice", choice);
    String parallelPath = "tool_choice.disable_parallel_tool_use";
    if (Boolean.TRUE.equals(Fields.bool(toolChoice, "disable_parallel_tool_use", parallelPath))) {
      body.put("parallel_tool_calls", false);
    }
  }
}
