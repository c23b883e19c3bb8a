package io.ghcapi.translator.responses;

import io.ghcapi.translator.TranslationException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * One tool of a Responses request, with the namespace it was declared in ({@code null} at top level).
 * Codex groups some function tools in {@code {"type":"namespace","name","tools":[...]}}; Chat has no
 * namespaces, so they are offered as plain functions and the namespace is put back on the answer's calls.
 */
record ClientTool(JsonObject definition, String namespace) {

  String type() {
    return JsonValues.string(definition, "type");
  }

  String name() {
    return JsonValues.string(definition, "name");
  }

  boolean isFunction() {
    return "function".equals(type());
  }

  boolean isCustom() {
    return "custom".equals(type());
  }

  /** The request's {@code tools}, namespaces opened up; {@code null} gives an empty list. */
  static List<ClientTool> flatten(JsonArray tools) {
    List<ClientTool> flat = new ArrayList<>();
    if (tools != null) {
      addAll(tools, null, "tools", flat);
    }
    return flat;
  }

  private static void addAll(JsonArray tools, String namespace, String path, List<ClientTool> flat) {
    for (int i = 0; i < tools.size(); i++) {
      JsonObject tool = JsonValues.asObject(tools.getValue(i));
      if (tool == null) {
        throw new TranslationException("Each tool must be an object.", path + "[" + i + "]");
      }
      JsonArray nested = JsonValues.array(tool, "tools");
      if ("namespace".equals(JsonValues.string(tool, "type")) && nested != null) {
        addAll(nested, JsonValues.string(tool, "name"), path + "[" + i + "].tools", flat);
      } else {
        flat.add(new ClientTool(tool, namespace));
      }
    }
  }
}
