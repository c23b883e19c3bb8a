package io.ghcapi.translator.responses;

import io.ghcapi.translator.TranslationException;
import io.ghcapi.translator.Warnings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Chat {@code tools} (nested under {@code function}) and {@code tool_choice} in the flat Responses form. */
final class ChatToolsToResponses {

  private ChatToolsToResponses() {
  }

  static JsonArray tools(Object tools, Warnings warnings) {
    if (tools == null) {
      return new JsonArray();
    }
    JsonArray list = JsonValues.asArray(tools);
    if (list == null) {
      throw new TranslationException("'tools' must be an array.", "tools");
    }
    JsonArray converted = new JsonArray();
    for (int i = 0; i < list.size(); i++) {
      JsonObject tool = JsonValues.asObject(list.getValue(i));
      String type = JsonValues.string(tool, "type");
      JsonObject function = JsonValues.object(tool, "function");
      JsonObject custom = JsonValues.object(tool, "custom");
      if ("function".equals(type) && function != null) {
        converted.add(function(function, i));
      } else if ("custom".equals(type) && custom != null) {
        converted.add(custom(custom, i));
      } else {
        warnings.add("tool.unsupported_dropped");
      }
    }
    return converted;
  }

  private static JsonObject function(JsonObject function, int index) {
    String name = requiredName(function, index);
    JsonObject parameters = JsonValues.object(function, "parameters");
    JsonObject tool = new JsonObject().put("type", "function").put("name", name)
        .put("description", description(function, name))
        .put("parameters", parameters == null ? new JsonObject().put("type", "object").put("properties", new JsonObject()) : parameters);
    if (function.getValue("strict") instanceof Boolean strict) {
      tool.put("strict", strict);
    }
    return tool;
  }

  private static JsonObject custom(JsonObject custom, int index) {
    String name = requiredName(custom, index);
    JsonObject tool = new JsonObject().put("type", "custom").put("name", name).put("description", description(custom, name));
    JsonObject format = JsonValues.object(custom, "format");
    if (format != null) {
      tool.put("format", format);
    }
    return tool;
  }

  private static String requiredName(JsonObject definition, int index) {
    String name = JsonValues.string(definition, "name");
    if (JsonValues.isBlank(name)) {
      throw new TranslationException("Each tool needs a name.", "tools[" + index + "]");
    }
    return name;
  }

  /** Copilot's Responses endpoint rejects blank tool descriptions. */
  private static String description(JsonObject definition, String name) {
    String description = JsonValues.string(definition, "description");
    return JsonValues.isBlank(description) ? "Tool: " + name + "." : description;
  }

  /** The Responses {@code tool_choice}, or {@code null} when there is none. */
  static Object toolChoice(Object choice) {
    if (choice == null || choice instanceof String) {
      return choice;
    }
    JsonObject object = JsonValues.asObject(choice);
    String type = JsonValues.string(object, "type");
    if ("function".equals(type) || "custom".equals(type)) {
      String name = JsonValues.string(JsonValues.object(object, type), "name");
      if (name == null) {
        throw new TranslationException("'tool_choice' must name the " + type + ".", "tool_choice." + type + ".name");
      }
      return new JsonObject().put("type", type).put("name", name);
    }
    if ("allowed_tools".equals(type)) {
      JsonObject allowed = JsonValues.object(object, "allowed_tools");
      JsonArray tools = new JsonArray();
      JsonArray listed = JsonValues.array(allowed, "tools");
      for (Object value : listed == null ? new JsonArray() : listed) {
        JsonObject tool = JsonValues.asObject(value);
        String toolType = JsonValues.string(tool, "type");
        String name = JsonValues.string(JsonValues.object(tool, toolType == null ? "function" : toolType), "name");
        if (name != null) {
          tools.add(new JsonObject().put("type", toolType == null ? "function" : toolType).put("name", name));
        }
      }
      String mode = JsonValues.string(allowed, "mode");
      return new JsonObject().put("type", "allowed_tools").put("mode", mode == null ? "auto" : mode).put("tools", tools);
    }
    throw new TranslationException("Unsupported 'tool_choice'.", "tool_choice");
  }
}
