package io.ghcapi.translator.responses;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Responses output items and their ids. Ids are derived from the response id (unique per response) plus a
 * counter, so they are unique without a random source and reproducible in tests.
 */
final class OutputItems {

  private final ResponsesReplyContext context;
  private final String idBase;
  private int counter;

  OutputItems(ResponsesReplyContext context) {
    this.context = context;
    String responseId = context.responseId() == null ? "" : context.responseId();
    this.idBase = responseId.startsWith("resp_") ? responseId.substring(5) : responseId;
  }

  String nextId(String prefix) {
    return prefix + "_" + idBase + "_" + counter++;
  }

  static JsonObject message(String id, String status, JsonArray content) {
    return new JsonObject().put("type", "message").put("id", id).put("status", status).put("role", "assistant")
        .put("content", content);
  }

  static JsonObject outputText(String text) {
    return new JsonObject().put("type", "output_text").put("text", text).put("annotations", new JsonArray())
        .put("logprobs", new JsonArray());
  }

  static JsonObject refusal(String text) {
    return new JsonObject().put("type", "refusal").put("refusal", text);
  }

  static JsonObject summaryText(String text) {
    return new JsonObject().put("type", "summary_text").put("text", text);
  }

  static JsonObject reasoning(String id, String summary, String encryptedContent) {
    JsonArray summaries = new JsonArray();
    if (JsonValues.hasText(summary)) {
      summaries.add(summaryText(summary));
    }
    JsonObject item = new JsonObject().put("type", "reasoning").put("id", id).put("summary", summaries);
    if (encryptedContent != null) {
      item.put("encrypted_content", encryptedContent);
    }
    return item;
  }

  /**
   * A call of a client tool, from the Chat tool call's upstream name: a {@code function_call} with its
   * arguments, or a {@code custom_tool_call} with the raw input when the client declared the tool as custom.
   */
  ToolCall toolCall(String callId, String upstreamName) {
    String name = context.clientToolName(upstreamName == null ? "" : upstreamName);
    boolean custom = context.isCustomTool(name);
    return new ToolCall(nextId(custom ? "ctc" : "fc"), callId, name, context.namespaceOf(name), custom);
  }

  /** One tool call's identity; {@link #item} renders it with its arguments so far. */
  record ToolCall(String id, String callId, String name, String namespace, boolean custom) {

    JsonObject item(String arguments, String status) {
      JsonObject item = new JsonObject().put("type", custom ? "custom_tool_call" : "function_call").put("id", id)
          .put("call_id", callId);
      if (namespace != null) {
        item.put("namespace", namespace);
      }
      item.put("name", name);
      // custom_tool_call items have no status field
      return custom ? item.put("input", CustomToolInput.fromArguments(arguments))
          : item.put("arguments", arguments).put("status", status);
    }
  }
}
