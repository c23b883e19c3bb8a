package io.ghcapi.translator.responses;

import io.ghcapi.translator.ToolNames;
import io.ghcapi.translator.TranslatedRequest;
import io.ghcapi.translator.Warnings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A Responses request (Codex, openai-java {@code responses()}) as a Chat Completions request. Server-side
 * state ({@code store}, {@code previous_response_id}) and hosted tools have no Chat equivalent.
 */
final class ResponsesRequestToChat {

  private static final List<String> COPIED = List.of("temperature", "top_p", "user");

  private ResponsesRequestToChat() {
  }

  static TranslatedRequest translate(JsonObject request, String upstreamModel) {
    ToolNames toolNames = new ToolNames();
    Warnings warnings = new Warnings();
    JsonObject body = new JsonObject().put("model", upstreamModel);
    body.put("messages", ResponsesInputToMessages.convert(request, toolNames, warnings));

    JsonArray tools = ResponsesToolsToChat.tools(request.getValue("tools"), toolNames, warnings);
    Object toolChoice = ResponsesToolsToChat.toolChoice(request.getValue("tool_choice"), toolNames, warnings);
    // Chat rejects tool_choice and parallel_tool_calls without tools (all of them may have been hosted tools).
    if (!tools.isEmpty()) {
      body.put("tools", tools);
      if (toolChoice != null) {
        body.put("tool_choice", toolChoice);
      }
      if (request.getValue("parallel_tool_calls") instanceof Boolean parallel) {
        body.put("parallel_tool_calls", parallel);
      }
    }

    for (String field : COPIED) {
      if (request.getValue(field) != null) {
        body.put(field, request.getValue(field));
      }
    }
    if (JsonValues.isNumber(request, "max_output_tokens")) {
      body.put("max_tokens", request.getValue("max_output_tokens"));
    }
    String effort = JsonValues.string(JsonValues.object(request, "reasoning"), "effort");
    if (effort != null) {
      body.put("reasoning_effort", effort);
    }
    JsonObject responseFormat = responseFormat(JsonValues.object(JsonValues.object(request, "text"), "format"));
    if (responseFormat != null) {
      body.put("response_format", responseFormat);
    }
    if (request.getValue("previous_response_id") != null) {
      warnings.add("previous_response_id.ignored"); // nothing is stored: the history must come in 'input'
    }
    if (Boolean.TRUE.equals(request.getValue("stream"))) {
      body.put("stream", true).put("stream_options", new JsonObject().put("include_usage", true));
    }
    return new TranslatedRequest(body, toolNames, warnings);
  }

  private static JsonObject responseFormat(JsonObject format) {
    String type = JsonValues.string(format, "type");
    if ("json_object".equals(type)) {
      return new JsonObject().put("type", "json_object");
    }
    if (!"json_schema".equals(type)) {
      return null;
    }
    JsonObject schema = new JsonObject()
        .put("name", format.getValue("name") instanceof String name ? name : "response")
        .put("schema", format.getValue("schema"));
    if (format.getValue("strict") instanceof Boolean strict) {
      schema.put("strict", strict);
    }
    if (format.getValue("description") instanceof String description) {
      schema.put("description", description);
    }
    return new JsonObject().put("type", "json_schema").put("json_schema", schema);
  }
}
