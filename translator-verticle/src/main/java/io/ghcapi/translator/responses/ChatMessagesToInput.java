package io.ghcapi.translator.responses;

import io.ghcapi.translator.TranslationException;
import io.ghcapi.translator.Warnings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Chat {@code messages} as Responses {@code instructions} (every system and developer text, joined by a
 * blank line) and {@code input} items.
 */
final class ChatMessagesToInput {

  private final Warnings warnings;
  private final List<String> instructions = new ArrayList<>();
  private final JsonArray input = new JsonArray();

  private ChatMessagesToInput(Warnings warnings) {
    this.warnings = warnings;
  }

  record Result(String instructions, JsonArray input) {
  }

  static Result convert(Object messages, Warnings warnings) {
    JsonArray list = JsonValues.asArray(messages);
    if (list == null) {
      throw new TranslationException("'messages' must be an array.", "messages");
    }
    ChatMessagesToInput conversion = new ChatMessagesToInput(warnings);
    for (int i = 0; i < list.size(); i++) {
      JsonObject message = JsonValues.asObject(list.getValue(i));
      String role = JsonValues.string(message, "role");
      if (role == null) {
        throw new TranslationException("Each message needs a 'role'.", "messages[" + i + "].role");
      }
      conversion.add(role, message);
    }
    String joined = String.join("\n\n", conversion.instructions);
    return new Result(joined.isEmpty() ? null : joined, conversion.input);
  }

  private void add(String role, JsonObject message) {
    switch (role) {
      case "system", "developer" -> addInstructions(message.getValue("content"));
      case "tool", "function" -> addToolResult(message);
      case "assistant" -> addAssistant(message);
      default -> addUser(message.getValue("content"));
    }
  }

  private void addInstructions(Object content) {
    JsonArray parts = JsonValues.asArray(content);
    String text;
    if (parts == null) {
      text = content instanceof String string ? string : "";
    } else {
      List<String> texts = new ArrayList<>();
      for (Object value : parts) {
        JsonObject part = JsonValues.asObject(value);
        String partText = JsonValues.string(part, "text");
        JsonObject image = JsonValues.object(part, "image_url");
        if (partText != null) {
          texts.add(partText);
        } else if (JsonValues.string(image, "url") != null) {
          texts.add("[image: " + image.getString("url") + "]");
        }
      }
      text = String.join("\n", texts);
    }
    if (!text.isBlank()) {
      instructions.add(text);
    }
  }

  private void addToolResult(JsonObject message) {
    String callId = JsonValues.string(message, "tool_call_id");
    if (callId == null) {
      callId = JsonValues.string(message, "name"); // legacy role "function" names the function
    }
    if (callId == null) {
      warnings.add("tool_result.orphan_dropped");
      return;
    }
    String output = ChatMessages.contentText(message.getValue("content"));
    input.add(new JsonObject().put("type", "function_call_output").put("call_id", callId).put("output", output == null ? "" : output));
  }

  private void addAssistant(JsonObject message) {
    String opaque = JsonValues.string(message, "reasoning_opaque");
    String reasoningText = ChatMessages.reasoningText(message);
    // A reasoning item without its encrypted state cannot be verified upstream: the readable text alone is not sent.
    if (opaque != null) {
      JsonArray summary = new JsonArray();
      if (JsonValues.hasText(reasoningText)) {
        summary.add(OutputItems.summaryText(reasoningText));
      }
      input.add(new JsonObject().put("type", "reasoning").put("summary", summary).put("encrypted_content", opaque));
    } else if (JsonValues.hasText(reasoningText)) {
      warnings.add("reasoning.dropped");
    }
    String text = ChatMessages.contentText(message.getValue("content"));
    if (JsonValues.hasText(text)) {
      input.add(new JsonObject().put("type", "message").put("role", "assistant")
          .put("content", new JsonArray().add(new JsonObject().put("type", "output_text").put("text", text))));
    }
    JsonArray toolCalls = JsonValues.array(message, "tool_calls");
    for (Object value : toolCalls == null ? new JsonArray() : toolCalls) {
      addToolCall(JsonValues.asObject(value));
    }
  }

  private void addToolCall(JsonObject call) {
    if (call == null) {
      return;
    }
    String callId = JsonValues.string(call, "id");
    if (callId == null) {
      callId = ChatChunks.newCallId();
    }
    JsonObject custom = JsonValues.object(call, "custom");
    if ("custom".equals(JsonValues.string(call, "type")) && custom != null) {
      input.add(new JsonObject().put("type", "custom_tool_call").put("call_id", callId)
          .put("name", JsonValues.string(custom, "name")).put("input", stringOrEmpty(custom.getValue("input"))));
      return;
    }
    JsonObject function = JsonValues.object(call, "function");
    Object arguments = function == null ? null : function.getValue("arguments");
    JsonObject argumentsObject = JsonValues.asObject(arguments);
    input.add(new JsonObject().put("type", "function_call").put("call_id", callId)
        .put("name", JsonValues.string(function, "name"))
        .put("arguments", argumentsObject != null ? argumentsObject.encode() : stringOrEmpty(arguments)));
  }

  private void addUser(Object content) {
    JsonArray parts = JsonValues.asArray(content);
    if (parts == null) {
      input.add(userMessage(content instanceof String text ? text : ""));
      return;
    }
    JsonArray inputParts = new JsonArray();
    boolean media = false;
    for (Object value : parts) {
      JsonObject part = JsonValues.asObject(value);
      JsonObject converted = userPart(part);
      if (converted == null) {
        warnings.add("content.part_dropped");
        continue;
      }
      media |= !"input_text".equals(converted.getString("type"));
      inputParts.add(converted);
    }
    if (media) {
      input.add(userMessage(inputParts));
      return;
    }
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < inputParts.size(); i++) {
      texts.add(inputParts.getJsonObject(i).getString("text"));
    }
    input.add(userMessage(String.join("\n", texts)));
  }

  private static JsonObject userPart(JsonObject part) {
    String type = JsonValues.string(part, "type");
    if (type == null) {
      return null;
    }
    switch (type) {
      case "text", "input_text", "output_text" -> {
        return new JsonObject().put("type", "input_text").put("text", stringOrEmpty(part.getValue("text")));
      }
      case "image_url" -> {
        JsonObject image = JsonValues.object(part, "image_url");
        String url = image == null ? JsonValues.string(part, "image_url") : JsonValues.string(image, "url");
        if (url == null) {
          return null;
        }
        String detail = JsonValues.string(image, "detail");
        return new JsonObject().put("type", "input_image").put("image_url", url).put("detail", detail == null ? "auto" : detail);
      }
      case "input_image", "input_file" -> {
        return part.copy();
      }
      case "file" -> {
        JsonObject file = JsonValues.object(part, "file");
        return file == null ? null : new JsonObject().put("type", "input_file").mergeIn(file.copy());
      }
      default -> {
        return null;
      }
    }
  }

  private static JsonObject userMessage(Object content) {
    return new JsonObject().put("type", "message").put("role", "user").put("content", content);
  }

  private static String stringOrEmpty(Object value) {
    return value instanceof String text ? text : "";
  }
}
