package io.ghcapi.translator.responses;

import io.ghcapi.translator.TranslationException;
import io.ghcapi.translator.ToolNames;
import io.ghcapi.translator.TranslatedRequest;
import io.ghcapi.translator.Warnings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A Chat Completions request for a model Copilot serves only through {@code /v1/responses} (the codex
 * family). Nothing is stored upstream ({@code store: false}): the whole history travels in {@code input}.
 */
final class ChatRequestToResponses {

  private static final List<String> COPIED = List.of("temperature", "top_p", "parallel_tool_calls");
  /** Chat parameters with no Responses equivalent; each one present is reported as {@code <name>.dropped}. */
  private static final List<String> UNSUPPORTED = List.of("stop", "logprobs", "top_logprobs", "seed", "presence_penalty",
      "frequency_penalty", "logit_bias", "audio", "modalities", "prediction", "web_search_options");

  private ChatRequestToResponses() {
  }

  static TranslatedRequest translate(JsonObject request, String upstreamModel) {
    Warnings warnings = new Warnings();
    ChatMessagesToInput.Result messages = ChatMessagesToInput.convert(request.getValue("messages"), warnings);
    JsonObject body = new JsonObject().put("model", upstreamModel);
    if (messages.instructions() != null) {
      body.put("instructions", messages.instructions());
    }
    body.put("input", messages.input());

    JsonArray tools = ChatToolsToResponses.tools(request.getValue("tools"), warnings);
    if (!tools.isEmpty()) {
      body.put("tools", tools);
      Object toolChoice = ChatToolsToResponses.toolChoice(request.getValue("tool_choice"));
      if (toolChoice != null) {
        body.put("tool_choice", toolChoice);
      }
    }
    for (String field : COPIED) {
      if (request.getValue(field) != null) {
        body.put(field, request.getValue(field));
      }
    }
    Object maxTokens = request.getValue("max_completion_tokens", request.getValue("max_tokens"));
    if (maxTokens instanceof Number) {
      body.put("max_output_tokens", maxTokens);
    }
    String effort = JsonValues.string(request, "reasoning_effort");
    if (effort != null) {
      body.put("reasoning", new JsonObject().put("effort", effort).put("summary", "auto"));
      body.put("include", new JsonArray().add("reasoning.encrypted_content"));
    }
    JsonObject text = text(request, warnings);
    if (text != null) {
      body.put("text", text);
    }
    body.put("store", false);
    if (request.getValue("stream") instanceof Boolean stream) {
      body.put("stream", stream);
    }
    for (String field : UNSUPPORTED) {
      if (request.getValue(field) != null && !Boolean.FALSE.equals(request.getValue(field))) {
        warnings.add(field + ".dropped");
      }
    }
    if (JsonValues.count(request, "n") > 1) {
      warnings.add("n.dropped");
    }
    return new TranslatedRequest(body, new ToolNames(), warnings);
  }

  private static JsonObject text(JsonObject request, Warnings warnings) {
    JsonObject text = new JsonObject();
    JsonObject responseFormat = JsonValues.object(request, "response_format");
    String type = JsonValues.string(responseFormat, "type");
    if ("json_schema".equals(type)) {
      JsonObject schema = JsonValues.object(responseFormat, "json_schema");
      if (schema == null) {
        throw new TranslationException("'response_format' of type json_schema needs 'json_schema'.", "response_format.json_schema");
      }
      JsonObject format = new JsonObject().put("type", "json_schema")
          .put("name", schema.getValue("name") instanceof String name ? name : "response")
          .put("schema", schema.getValue("schema"));
      if (schema.getValue("strict") instanceof Boolean strict) {
        format.put("strict", strict);
      }
      if (schema.getValue("description") instanceof String description) {
        format.put("description", description);
      }
      text.put("format", format);
    } else if ("json_object".equals(type)) {
      text.put("format", new JsonObject().put("type", "json_object"));
    } else if (type != null && !"text".equals(type)) {
      warnings.add("response_format.dropped");
    }
    if (request.getValue("verbosity") instanceof String verbosity) {
      text.put("verbosity", verbosity);
    }
    return text.isEmpty() ? null : text;
  }
}
