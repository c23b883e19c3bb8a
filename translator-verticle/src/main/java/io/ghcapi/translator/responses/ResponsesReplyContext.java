package io.ghcapi.translator.responses;

import io.ghcapi.translator.ToolNames;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What answering a Responses client needs besides the upstream Chat answer.
 *
 * @param model the model the client asked for (echoed in the response)
 * @param responseId the response id, {@code resp_...}
 * @param createdAt creation time, epoch seconds
 * @param toolNames the codec used when the request was translated, to restore long tool names
 * @param customToolNames client names of {@code custom} (freeform) tools: their calls go back as {@code custom_tool_call}
 * @param toolNamespaces namespace by client tool name, for tools declared inside a {@code namespace} tool
 * @param request the client's original request, whose settings a response echoes
 */
public record ResponsesReplyContext(String model, String responseId, long createdAt, ToolNames toolNames,
    Set<String> customToolNames, Map<String, String> toolNamespaces, JsonObject request) {

  public ResponsesReplyContext {
    toolNames = toolNames == null ? new ToolNames() : toolNames;
    customToolNames = customToolNames == null ? Set.of() : Set.copyOf(customToolNames);
    toolNamespaces = toolNamespaces == null ? Map.of() : Map.copyOf(toolNamespaces);
    request = request == null ? new JsonObject() : request;
  }

  /** The context for answering {@code clientRequest}, whose translation used {@code toolNames}. */
  public static ResponsesReplyContext of(JsonObject clientRequest, ToolNames toolNames, String responseId, long createdAt) {
    Set<String> custom = new HashSet<>();
    Map<String, String> namespaces = new HashMap<>();
    JsonArray tools = JsonValues.array(clientRequest, "tools");
    for (ClientTool tool : ClientTool.flatten(tools)) {
      String name = tool.name();
      if (name == null) {
        continue;
      }
      if (tool.isCustom()) {
        custom.add(name);
      }
      if (tool.namespace() != null) {
        namespaces.putIfAbsent(name, tool.namespace());
      }
    }
    return new ResponsesReplyContext(JsonValues.string(clientRequest, "model"), responseId, createdAt, toolNames,
        custom, namespaces, clientRequest);
  }

  /** A fresh {@code resp_} id. */
  public static String newResponseId() {
    return "resp_" + UUID.randomUUID().toString().replace("-", "");
  }

  String clientToolName(String upstreamName) {
    return toolNames.incoming(upstreamName);
  }

  boolean isCustomTool(String clientName) {
    return customToolNames.contains(clientName);
  }

  String namespaceOf(String clientName) {
    return toolNamespaces.get(clientName);
  }
}
