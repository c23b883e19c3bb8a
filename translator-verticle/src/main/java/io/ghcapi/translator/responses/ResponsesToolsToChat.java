package io.ghcapi.translator.responses;

import io.ghcapi.translator.TranslationException;
import io.ghcapi.translator.ToolNames;
import io.ghcapi.translator.Warnings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Set;

/** Responses {@code tools} and {@code tool_choice} in Chat form; hosted tools have no Chat equivalent and are dropped. */
final class ResponsesToolsToChat {

  /** The one string parameter a freeform ({@code custom}) tool gets as a Chat function. */
  static final JsonObject CUSTOM_TOOL_PARAMETERS = new JsonObject()
      .put("type", "object")
      .put("properties", new JsonObject().put("input", new JsonObject().put("type", "string")))
      .put("required", new JsonArray().add("input"));

  private ResponsesToolsToChat() {
  }

  static JsonArray tools(Object tools, ToolNames toolNames, Warnings warnings) {
    if (tools == null) {
      return new JsonArray();
    }
    JsonArray list = JsonValues.asArray(tools);
    if (list == null) {
      throw new TranslationException("'tools' must be an array.", "tools");
    }
    JsonArray chatTools = new JsonArray();
    Set<String> names = new HashSet<>();
    for (ClientTool tool : ClientTool.flatten(list)) {
      if (!tool.isFunction() && !tool.isCustom()) {
        warnings.add("tool.hosted_tool_dropped");
        continue;
      }
      String name = tool.name();
      if (JsonValues.isBlank(name)) {
        throw new TranslationException("Function and custom tools need a 'name'.", "tools");
      }
      if (!names.add(name)) {
        warnings.add("tool.duplicate_name_dropped"); // a namespaced tool shadowed by another of the same name
        continue;
      }
      chatTools.add(new JsonObject().put("type", "function")
          .put("function", tool.isCustom() ? customFunction(tool.definition(), toolNames) : function(tool.definition(), toolNames)));
    }
    return chatTools;
  }

  private static JsonObject function(JsonObject tool, ToolNames toolNames) {
    JsonObject function = new JsonObject().put("name", toolNames.outgoing(tool.getString("name")));
    String description = JsonValues.string(tool, "description");
    if (description != null) {
      function.put("description", description);
    }
    JsonObject parameters = JsonValues.object(tool, "parameters");
    function.put("parameters", parameters == null ? new JsonObject().put("type", "object").put("properties", new JsonObject()) : parameters);
    if (tool.getValue("strict") instanceof Boolean strict) {
      function.put("strict", strict);
    }
    return function;
  }

  private static JsonObject customFunction(JsonObject tool, ToolNames toolNames) {
    StringBuilder description = new StringBuilder(JsonValues.isBlank(JsonValues.string(tool, "description"))
        ? "" : tool.getString("description"));
    JsonObject format = JsonValues.object(tool, "format");
    // The model only sees a string parameter; the grammar is what tells it what to write in it.
    if (format != null && "grammar".equals(JsonValues.string(format, "type")) && JsonValues.hasText(JsonValues.string(format, "definition"))) {
      String syntax = JsonValues.string(format, "syntax");
      description.append(description.length() == 0 ? "" : "\n\n")
          .append("Put the raw tool input in the `input` string. It must follow this ")
          .append(syntax == null ? "" : syntax + " ")
          .append("grammar:\n")
          .append(format.getString("definition"));
    }
    JsonObject function = new JsonObject().put("name", toolNames.outgoing(tool.getString("name")));
    if (description.length() > 0) {
      function.put("description", description.toString());
    }
    return function.put("parameters", CUSTOM_TOOL_PARAMETERS.copy());
  }

  /** The Chat {@code tool_choice}, or {@code null} when it should be left out. */
  static Object toolChoice(Object choice, ToolNames toolNames, Warnings warnings) {
    if (choice == null || choice instanceof String) {
      return choice;
    }
    JsonObject object = JsonValues.asObject(choice);
    String type = JsonValues.string(object, "type");
    if (type == null) {
      throw new TranslationException("'tool_choice' must be a string or an object with a 'type'.", "tool_choice");
    }
    switch (type) {
      case "function", "custom" -> {
        String name = JsonValues.string(object, "name");
        if (JsonValues.isBlank(name)) {
          throw new TranslationException("'tool_choice' of type " + type + " needs a 'name'.", "tool_choice.name");
        }
        return namedFunction(name, toolNames);
      }
      case "allowed_tools" -> {
        return allowedTools(object, toolNames, warnings);
      }
      default -> {
        warnings.add("tool_choice.hosted_tool_dropped");
        return null;
      }
    }
  }

  private static JsonObject allowedTools(JsonObject choice, ToolNames toolNames, Warnings warnings) {
    JsonArray allowed = new JsonArray();
    JsonArray tools = JsonValues.array(choice, "tools");
    for (Object value : tools == null ? new JsonArray() : tools) {
      JsonObject tool = JsonValues.asObject(value);
      String type = JsonValues.string(tool, "type");
      String name = JsonValues.string(tool, "name");
      if (("function".equals(type) || "custom".equals(type)) && name != null) {
        allowed.add(namedFunction(name, toolNames));
      } else {
        warnings.add("tool_choice.hosted_tool_dropped");
      }
    }
    String mode = JsonValues.string(choice, "mode");
    return new JsonObject().put("type", "allowed_tools")
        .put("allowed_tools", new JsonObject().put("mode", mode == null ? "auto" : mode).put("tools", allowed));
  }

  private static JsonObject namedFunction(String name, ToolNames toolNames) {
    return new JsonObject().put("type", "function").put("function", new JsonObject().put("name", toolNames.outgoing(name)));
  }
}
