package io.ghcapi.translator.anthropic;

import io.ghcapi.translator.ToolNames;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * A Chat Completions response as an Anthropic message. Text and tool calls are gathered from every choice:
 * Copilot may answer a Claude model's turn as two choices, one with the text and one with the tool calls.
 */
public final class ChatToAnthropic {

  private ChatToAnthropic() {
  }

  public static JsonObject response(JsonObject chatCompletion, String requestedModel, ToolNames names) {
    ToolNames toolNames = names == null ? new ToolNames() : names;
    JsonArray choices = chatCompletion.getValue("choices") instanceof JsonArray array ? array : new JsonArray();
    StringBuilder thinking = new StringBuilder();
    StringBuilder signature = new StringBuilder();
    JsonArray texts = new JsonArray();
    JsonArray toolUses = new JsonArray();
    String stopReason = null;
    for (Object element : choices) {
      if (!(element instanceof JsonObject choice)) {
        continue;
      }
      JsonObject message = choice.getValue("message") instanceof JsonObject m ? m : new JsonObject();
      thinking.append(reasoningText(message));
      signature.append(stringOrEmpty(message.getValue("reasoning_opaque")));
      addText(texts, textOf(message.getValue("content")));
      String refusal = stringOrEmpty(message.getValue("refusal"));
      addText(texts, refusal);
      if (message.getValue("tool_calls") instanceof JsonArray calls) {
        for (Object call : calls) {
          if (call instanceof JsonObject toolCall) {
            toolUses.add(toolUse(toolCall, toolNames));
          }
        }
      }
      String finishReason = choice.getValue("finish_reason") instanceof String reason ? reason : null;
      stopReason = StopReasons.stronger(stopReason, refusal.isEmpty() ? StopReasons.of(finishReason) : "refusal");
    }

    JsonArray content = new JsonArray();
    if (thinking.length() > 0 || signature.length() > 0) {
      content.add(new JsonObject()
          .put("type", "thinking")
          .put("thinking", thinking.toString())
          .put("signature", signature.length() > 0 ? signature.toString() : null));
    }
    texts.forEach(content::add);
    toolUses.forEach(content::add);

    ChatUsage usage = ChatUsage.from(chatCompletion.getValue("usage") instanceof JsonObject u ? u : null);
    String id = chatCompletion.getValue("id") instanceof String upstreamId && !upstreamId.isEmpty()
        ? upstreamId : "msg_" + UUID.randomUUID().toString().replace("-", "");
    return new JsonObject()
        .put("id", id)
        .put("type", "message")
        .put("role", "assistant")
        .put("model", requestedModel)
        .put("content", content)
        .put("stop_reason", StopReasons.withToolUse(stopReason, !toolUses.isEmpty()))
        .put("stop_sequence", null)
        .put("usage", usage == null
            ? new JsonObject().put("input_tokens", 0).put("output_tokens", 0)
            : usage.anthropic());
  }

  /** Copilot's {@code reasoning_text}, or the {@code reasoning_content} other OpenAI-style servers use. */
  static String reasoningText(JsonObject messageOrDelta) {
    String text = stringOrEmpty(messageOrDelta.getValue("reasoning_text"));
    return text.isEmpty() ? stringOrEmpty(messageOrDelta.getValue("reasoning_content")) : text;
  }

  /** Message content as text: a string, or the texts of a parts list. */
  static String textOf(Object content) {
    if (content instanceof String text) {
      return text;
    }
    if (content instanceof JsonArray parts) {
      StringBuilder text = new StringBuilder();
      for (Object part : parts) {
        if (part instanceof JsonObject p && p.getValue("text") instanceof String partText) {
          text.append(partText);
        }
      }
      return text.toString();
    }
    return "";
  }

  private static void addText(JsonArray texts, String text) {
    if (!text.isEmpty()) {
      texts.add(new JsonObject().put("type", "text").put("text", text));
    }
  }

  private static JsonObject toolUse(JsonObject toolCall, ToolNames names) {
    JsonObject function = toolCall.getValue("function") instanceof JsonObject f ? f : new JsonObject();
    String name = function.getValue("name") instanceof String n ? names.incoming(n) : MessageTranslator.UNNAMED_TOOL;
    String arguments = function.getValue("arguments") instanceof String a ? a : null;
    return new JsonObject()
        .put("type", "tool_use")
        .put("id", ToolCallIds.normalize(toolCall.getValue("id") instanceof String id ? id : null))
        .put("name", name)
        .put("input", ToolArguments.parse(arguments));
  }

  static String stringOrEmpty(Object value) {
    return value instanceof String text ? text : "";
  }
}
