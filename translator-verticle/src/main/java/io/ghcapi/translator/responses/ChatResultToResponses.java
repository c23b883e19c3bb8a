package io.ghcapi.translator.responses;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A Chat {@code chat.completion} as a Responses {@code response} object. */
final class ChatResultToResponses {

  private ChatResultToResponses() {
  }

  static JsonObject convert(JsonObject completion, ResponsesReplyContext context) {
    JsonArray choices = JsonValues.array(completion, "choices");
    JsonObject choice = choices == null || choices.isEmpty() ? new JsonObject() : JsonValues.asObject(choices.getValue(0));
    JsonObject message = JsonValues.object(choice, "message");
    String finishReason = JsonValues.string(choice, "finish_reason");
    String incompleteReason = ResponseEnvelope.incompleteReason(finishReason);

    OutputItems items = new OutputItems(context);
    JsonArray output = new JsonArray();
    String reasoningText = ChatMessages.reasoningText(message);
    String reasoningOpaque = JsonValues.string(message, "reasoning_opaque");
    if (JsonValues.hasText(reasoningText) || reasoningOpaque != null) {
      output.add(OutputItems.reasoning(items.nextId("rs"), reasoningText, reasoningOpaque));
    }
    JsonArray content = new JsonArray();
    String text = ChatMessages.contentText(message == null ? null : message.getValue("content"));
    if (JsonValues.hasText(text)) {
      content.add(OutputItems.outputText(text));
    }
    String refusal = JsonValues.string(message, "refusal");
    if (JsonValues.hasText(refusal)) {
      content.add(OutputItems.refusal(refusal));
    }
    if (!content.isEmpty()) {
      output.add(OutputItems.message(items.nextId("msg"), "completed", content));
    }
    JsonArray toolCalls = JsonValues.array(message, "tool_calls");
    for (Object value : toolCalls == null ? new JsonArray() : toolCalls) {
      JsonObject call = JsonValues.asObject(value);
      JsonObject function = JsonValues.object(call, "function");
      String callId = JsonValues.string(call, "id");
      OutputItems.ToolCall toolCall = items.toolCall(callId == null ? items.nextId("call") : callId,
          JsonValues.string(function, "name"));
      String arguments = JsonValues.string(function, "arguments");
      output.add(toolCall.item(arguments == null ? "" : arguments, "completed"));
    }
    if (incompleteReason != null && !output.isEmpty()) {
      markIncomplete(output.getJsonObject(output.size() - 1));
    }
    return ResponseEnvelope.finished(context, output, Usages.chatToResponses(JsonValues.object(completion, "usage")),
        incompleteReason);
  }

  /** The item the answer was cut in; items without a status (reasoning, custom calls) are left alone. */
  static void markIncomplete(JsonObject item) {
    if (item.containsKey("status")) {
      item.put("status", "incomplete");
    }
  }
}
