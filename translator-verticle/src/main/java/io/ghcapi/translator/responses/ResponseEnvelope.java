package io.ghcapi.translator.responses;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The Responses {@code response} object around an output. Like the real API it echoes the request's
 * settings; strict clients (openai-java with response validation) require {@code id}, {@code created_at},
 * {@code model}, {@code object}, {@code output}, {@code parallel_tool_calls}, {@code tool_choice} and
 * {@code tools}, plus the nullable {@code error}, {@code incomplete_details}, {@code instructions},
 * {@code metadata}, {@code temperature} and {@code top_p}.
 */
final class ResponseEnvelope {

  private ResponseEnvelope() {
  }

  static JsonObject inProgress(ResponsesReplyContext context, JsonArray output) {
    return build(context, "in_progress", output, null, null, null);
  }

  /** {@code completed}, or {@code incomplete} with its reason when {@code incompleteReason} is not null. */
  static JsonObject finished(ResponsesReplyContext context, JsonArray output, JsonObject usage, String incompleteReason) {
    JsonObject details = incompleteReason == null ? null : new JsonObject().put("reason", incompleteReason);
    return build(context, incompleteReason == null ? "completed" : "incomplete", output, usage, details, null);
  }

  static JsonObject failed(ResponsesReplyContext context, JsonArray output, JsonObject usage, String code, String message) {
    return build(context, "failed", output, usage, null, new JsonObject().put("code", code).put("message", message));
  }

  private static JsonObject build(ResponsesReplyContext context, String status, JsonArray output, JsonObject usage,
      JsonObject incompleteDetails, JsonObject error) {
    JsonObject request = context.request();
    return new JsonObject()
        .put("id", context.responseId())
        .put("object", "response")
        .put("created_at", context.createdAt())
        .put("status", status)
        .put("error", error)
        .put("incomplete_details", incompleteDetails)
        .put("instructions", request.getValue("instructions"))
        .put("max_output_tokens", request.getValue("max_output_tokens"))
        .put("model", context.model())
        .put("output", output)
        .put("parallel_tool_calls", request.getValue("parallel_tool_calls") instanceof Boolean parallel ? parallel : true)
        .put("previous_response_id", request.getValue("previous_response_id"))
        .put("reasoning", request.getValue("reasoning"))
        .put("store", request.getValue("store") instanceof Boolean store ? store : false)
        .put("temperature", request.getValue("temperature"))
        .put("text", request.getValue("text", new JsonObject().put("format", new JsonObject().put("type", "text"))))
        .put("tool_choice", request.getValue("tool_choice", "auto"))
        .put("tools", request.getValue("tools", new JsonArray()))
        .put("top_p", request.getValue("top_p"))
        .put("truncation", request.getValue("truncation", "disabled"))
        .put("metadata", request.getValue("metadata", new JsonObject()))
        .put("usage", usage);
  }

  /** The {@code incomplete_details.reason} for a Chat finish reason, or {@code null} when the answer is complete. */
  static String incompleteReason(String finishReason) {
    if ("length".equals(finishReason)) {
      return "max_output_tokens";
    }
    return "content_filter".equals(finishReason) ? "content_filter" : null;
  }
}
