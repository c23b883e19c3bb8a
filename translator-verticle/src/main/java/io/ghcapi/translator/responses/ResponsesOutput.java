package io.ghcapi.translator.responses;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Reads the text out of Responses output items; shared by the non-streaming and streaming Chat translations. */
final class ResponsesOutput {

  private ResponsesOutput() {
  }

  /** The concatenated {@code output_text} parts of a message item. */
  static String messageText(JsonObject item) {
    return joinedParts(item, "output_text", "text");
  }

  /** The concatenated {@code refusal} parts of a message item. */
  static String refusalText(JsonObject item) {
    return joinedParts(item, "refusal", "refusal");
  }

  /** A reasoning item's summary parts joined by blank lines, else its raw {@code reasoning_text} content. */
  static String reasoningText(JsonObject item) {
    List<String> texts = texts(JsonValues.array(item, "summary"), "summary_text");
    if (texts.isEmpty()) {
      texts = texts(JsonValues.array(item, "content"), "reasoning_text");
    }
    return String.join("\n\n", texts);
  }

  /** A tool call item's arguments: a function call's as is, a custom call's input wrapped as {@code {"input":...}}. */
  static String toolArguments(JsonObject item) {
    if ("custom_tool_call".equals(JsonValues.string(item, "type"))) {
      return CustomToolInput.toArguments(JsonValues.string(item, "input"));
    }
    Object arguments = item.getValue("arguments");
    JsonObject object = JsonValues.asObject(arguments);
    if (object != null) {
      return object.encode();
    }
    return arguments instanceof String text ? text : "";
  }

  static boolean isToolCall(JsonObject item) {
    String type = JsonValues.string(item, "type");
    return "function_call".equals(type) || "custom_tool_call".equals(type);
  }

  private static String joinedParts(JsonObject item, String partType, String field) {
    JsonArray parts = JsonValues.array(item, "content");
    StringBuilder text = new StringBuilder();
    for (Object value : parts == null ? new JsonArray() : parts) {
      JsonObject part = JsonValues.asObject(value);
      if (partType.equals(JsonValues.string(part, "type")) && JsonValues.string(part, field) != null) {
        text.append(part.getString(field));
      }
    }
    return text.toString();
  }

  private static List<String> texts(JsonArray parts, String partType) {
    List<String> texts = new ArrayList<>();
    for (Object value : parts == null ? new JsonArray() : parts) {
      JsonObject part = JsonValues.asObject(value);
      String text = JsonValues.string(part, "text");
      if (partType.equals(JsonValues.string(part, "type")) && JsonValues.hasText(text)) {
        texts.add(text);
      }
    }
    return texts;
  }
}
