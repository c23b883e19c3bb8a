package io.ghcapi.translator.responses;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** A Responses {@code response} object as a Chat {@code chat.completion}. */
final class ResponsesResultToChat {

  private ResponsesResultToChat() {
  }

  static JsonObject convert(JsonObject response, String requestedModel) {
    if ("failed".equals(JsonValues.string(response, "status"))) {
      JsonObject error = JsonValues.object(response, "error");
      throw new ResponsesFailedException(UpstreamErrors.streamError(JsonValues.string(error, "code"), JsonValues.string(error, "message")));
    }
    List<String> texts = new ArrayList<>();
    StringBuilder refusal = new StringBuilder();
    List<String> reasoning = new ArrayList<>();
    String reasoningOpaque = null;
    JsonArray toolCalls = new JsonArray();
    JsonArray output = JsonValues.array(response, "output");
    for (Object value : output == null ? new JsonArray() : output) {
      JsonObject item = JsonValues.asObject(value);
      String type = JsonValues.string(item, "type");
      if ("message".equals(type)) {
        String text = ResponsesOutput.messageText(item);
        if (!text.isEmpty()) {
          texts.add(text);
        }
        refusal.append(ResponsesOutput.refusalText(item));
      } else if ("reasoning".equals(type)) {
        String text = ResponsesOutput.reasoningText(item);
        if (!text.isEmpty()) {
          reasoning.add(text);
        }
        // Chat has one reasoning_opaque per message: the latest reasoning state is the one to carry on
        String encrypted = JsonValues.string(item, "encrypted_content");
        reasoningOpaque = encrypted != null ? encrypted : reasoningOpaque;
      } else if (ResponsesOutput.isToolCall(item)) {
        toolCalls.add(new JsonObject()
            .put("id", JsonValues.string(item, "call_id") != null ? item.getString("call_id") : JsonValues.string(item, "id"))
            .put("type", "function")
            .put("function", new JsonObject().put("name", JsonValues.string(item, "name"))
                .put("arguments", ResponsesOutput.toolArguments(item))));
      }
    }

    JsonObject message = new JsonObject().put("role", "assistant")
        .put("content", texts.isEmpty() ? null : String.join("\n\n", texts))
        .put("refusal", refusal.length() == 0 ? null : refusal.toString());
    if (!toolCalls.isEmpty()) {
      message.put("tool_calls", toolCalls);
    }
    if (!reasoning.isEmpty()) {
      message.put("reasoning_text", String.join("\n\n", reasoning));
    }
    if (reasoningOpaque != null) {
      message.put("reasoning_opaque", reasoningOpaque);
    }
    String responseId = JsonValues.string(response, "id");
    return new JsonObject()
        .put("id", ChatChunks.completionId(responseId))
        .put("object", "chat.completion")
        .put("created", JsonValues.isNumber(response, "created_at") ? JsonValues.count(response, "created_at") : ChatChunks.now())
        .put("model", requestedModel)
        .put("choices", new JsonArray().add(new JsonObject()
            .put("index", 0)
            .put("message", message)
            .put("logprobs", null)
            .put("finish_reason", finishReason("incomplete".equals(JsonValues.string(response, "status")),
                JsonValues.string(JsonValues.object(response, "incomplete_details"), "reason"), !toolCalls.isEmpty()))))
        .put("usage", Usages.responsesToChat(JsonValues.object(response, "usage")));
  }

  /** The Chat finish reason; an incomplete answer was cut by the token limit unless the filter stopped it. */
  static String finishReason(boolean incomplete, String incompleteReason, boolean toolCalls) {
    if (incomplete) {
      return "content_filter".equals(incompleteReason) ? "content_filter" : "length";
    }
    return toolCalls ? "tool_calls" : "stop";
  }
}
