package io.ghcapi.translator.responses;

import io.ghcapi.translator.TranslationException;
import io.ghcapi.translator.ToolNames;
import io.ghcapi.translator.Warnings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Turns a Responses request's {@code instructions} and {@code input} items into Chat {@code messages}. */
final class ResponsesInputToMessages {

  private static final String IMAGE_ONLY_TOOL_OUTPUT = "(the tool returned the image that follows)";

  private final ToolNames toolNames;
  private final Warnings warnings;
  private final JsonArray messages = new JsonArray();
  // Chat tool messages carry text only; images a tool returned follow in one user message after the
  // tool results, so that every tool result still directly follows its assistant turn.
  private final List<JsonObject> pendingToolImages = new ArrayList<>();

  private ResponsesInputToMessages(ToolNames toolNames, Warnings warnings) {
    this.toolNames = toolNames;
    this.warnings = warnings;
  }

  static JsonArray convert(JsonObject request, ToolNames toolNames, Warnings warnings) {
    ResponsesInputToMessages conversion = new ResponsesInputToMessages(toolNames, warnings);
    conversion.addInstructions(request.getValue("instructions"));
    conversion.addInput(request.getValue("input"));
    conversion.flushToolImages();
    return conversion.messages;
  }

  private void addInstructions(Object instructions) {
    if (instructions == null) {
      return;
    }
    if (!(instructions instanceof String text)) {
      throw new TranslationException("'instructions' must be a string.", "instructions");
    }
    if (!text.isBlank()) {
      append(new JsonObject().put("role", "system").put("content", text));
    }
  }

  private void addInput(Object input) {
    if (input instanceof String text) {
      append(new JsonObject().put("role", "user").put("content", text));
      return;
    }
    JsonArray items = JsonValues.asArray(input);
    if (items == null) {
      throw new TranslationException("'input' must be a string or an array of input items.", "input");
    }
    for (int i = 0; i < items.size(); i++) {
      addItem(items.getValue(i), "input[" + i + "]");
    }
  }

  private void addItem(Object value, String path) {
    JsonObject item = JsonValues.asObject(value);
    if (item == null) {
      throw new TranslationException("Each input item must be an object.", path);
    }
    String type = JsonValues.string(item, "type");
    if (type == null && item.containsKey("role")) {
      type = "message"; // the API's "easy" message form has no type
    }
    if (type == null) {
      throw new TranslationException("Input item is missing 'type'.", path + ".type");
    }
    switch (type) {
      case "message" -> addMessage(item, path);
      case "function_call" -> addToolCall(callId(item, path), JsonValues.string(item, "name"), functionArguments(item));
      case "custom_tool_call" -> addToolCall(callId(item, path), JsonValues.string(item, "name"),
          new JsonObject().put("input", stringOrEmpty(item.getValue("input"))).encode());
      case "function_call_output", "custom_tool_call_output" -> addToolResult(callId(item, path), item.getValue("output"));
      case "reasoning" -> warnings.add("reasoning.dropped");
      default -> warnings.add("input.item_dropped");
    }
  }

  private void addMessage(JsonObject item, String path) {
    String role = JsonValues.string(item, "role");
    if (role == null || !List.of("user", "assistant", "system", "developer").contains(role)) {
      throw new TranslationException("Message role must be user, assistant, system or developer.", path + ".role");
    }
    String chatRole = "developer".equals(role) ? "system" : role;
    Object content = messageContent(item.getValue("content"), "user".equals(chatRole), path);
    if (content == null) {
      return;
    }
    append(new JsonObject().put("role", chatRole).put("content", content));
  }

  /** A string, a parts array (when it carries images or files), or {@code null} when nothing is left. */
  private Object messageContent(Object content, boolean mayCarryMedia, String path) {
    if (content instanceof String text) {
      return text.isEmpty() ? null : text;
    }
    JsonArray parts = JsonValues.asArray(content);
    if (parts == null) {
      throw new TranslationException("Message content must be a string or an array of content parts.", path + ".content");
    }
    JsonArray chatParts = new JsonArray();
    boolean media = false;
    for (Object value : parts) {
      JsonObject part = JsonValues.asObject(value);
      String type = JsonValues.string(part, "type");
      String text = textOf(part);
      if (text != null) {
        chatParts.add(new JsonObject().put("type", "text").put("text", text));
      } else if (mayCarryMedia && "input_image".equals(type) && JsonValues.string(part, "image_url") != null) {
        chatParts.add(imagePart(part));
        media = true;
      } else if (mayCarryMedia && "input_file".equals(type) && hasFileSource(part)) {
        chatParts.add(filePart(part));
        media = true;
      } else {
        warnings.add("content.part_dropped");
      }
    }
    if (chatParts.isEmpty()) {
      return null;
    }
    return media ? chatParts : joinTexts(chatParts);
  }

  private void addToolCall(String callId, String name, String arguments) {
    JsonObject call = new JsonObject()
        .put("id", callId)
        .put("type", "function")
        .put("function", new JsonObject().put("name", toolNames.outgoing(name == null ? "" : name)).put("arguments", arguments));
    JsonObject last = messages.isEmpty() ? null : messages.getJsonObject(messages.size() - 1);
    if (last != null && "assistant".equals(last.getString("role"))) {
      JsonArray calls = last.getJsonArray("tool_calls");
      if (calls == null) {
        calls = new JsonArray();
        last.put("tool_calls", calls);
      }
      calls.add(call);
      return;
    }
    append(new JsonObject().put("role", "assistant").put("content", null).put("tool_calls", new JsonArray().add(call)));
  }

  private void addToolResult(String callId, Object output) {
    String text;
    JsonArray parts = JsonValues.asArray(output);
    if (output instanceof String string) {
      text = string;
    } else if (parts != null) {
      text = toolOutputText(parts);
    } else {
      text = output == null ? "" : String.valueOf(output);
    }
    messages.add(new JsonObject().put("role", "tool").put("tool_call_id", callId).put("content", text));
  }

  private String toolOutputText(JsonArray parts) {
    List<String> texts = new ArrayList<>();
    boolean images = false;
    for (Object value : parts) {
      JsonObject part = JsonValues.asObject(value);
      String text = textOf(part);
      if (text != null) {
        texts.add(text);
      } else if ("input_image".equals(JsonValues.string(part, "type")) && JsonValues.string(part, "image_url") != null) {
        pendingToolImages.add(imagePart(part));
        images = true;
      } else {
        warnings.add("content.part_dropped");
      }
    }
    if (texts.isEmpty() && images) {
      return IMAGE_ONLY_TOOL_OUTPUT;
    }
    return String.join("\n", texts);
  }

  private void append(JsonObject message) {
    flushToolImages();
    messages.add(message);
  }

  private void flushToolImages() {
    if (pendingToolImages.isEmpty()) {
      return;
    }
    messages.add(new JsonObject().put("role", "user").put("content", new JsonArray(new ArrayList<>(pendingToolImages))));
    pendingToolImages.clear();
  }

  private static String callId(JsonObject item, String path) {
    String callId = JsonValues.string(item, "call_id");
    if (JsonValues.isBlank(callId)) {
      throw new TranslationException("Tool call items need a 'call_id'.", path + ".call_id");
    }
    return callId;
  }

  private static String functionArguments(JsonObject item) {
    Object arguments = item.getValue("arguments");
    if (arguments instanceof String text) {
      return text;
    }
    JsonObject object = JsonValues.asObject(arguments);
    return object == null ? "{}" : object.encode();
  }

  private static String stringOrEmpty(Object value) {
    return value instanceof String text ? text : "";
  }

  /** The text of a text-like part ({@code input_text}, {@code output_text}, {@code text}, {@code refusal}). */
  private static String textOf(JsonObject part) {
    String type = JsonValues.string(part, "type");
    if (type == null) {
      return null;
    }
    return switch (type) {
      case "input_text", "output_text", "text" -> stringOrEmpty(part.getValue("text"));
      case "refusal" -> stringOrEmpty(part.getValue("refusal"));
      default -> null;
    };
  }

  private static JsonObject imagePart(JsonObject part) {
    JsonObject imageUrl = new JsonObject().put("url", part.getString("image_url"));
    String detail = JsonValues.string(part, "detail");
    if (detail != null) {
      imageUrl.put("detail", detail);
    }
    return new JsonObject().put("type", "image_url").put("image_url", imageUrl);
  }

  private static boolean hasFileSource(JsonObject part) {
    return JsonValues.string(part, "file_data") != null || JsonValues.string(part, "file_id") != null;
  }

  private static JsonObject filePart(JsonObject part) {
    JsonObject file = new JsonObject();
    for (String key : List.of("file_data", "file_id", "filename")) {
      String value = JsonValues.string(part, key);
      if (value != null) {
        file.put(key, value);
      }
    }
    return new JsonObject().put("type", "file").put("file", file);
  }

  private static String joinTexts(JsonArray textParts) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < textParts.size(); i++) {
      texts.add(textParts.getJsonObject(i).getString("text"));
    }
    return String.join("\n", texts);
  }
}
