package io.ghcapi.translator.anthropic;

import io.ghcapi.translator.ToolNames;
import io.ghcapi.translator.Warnings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Anthropic {@code system} and {@code messages} as Chat Completions messages: one leading system message,
 * tool results as {@code tool} messages ahead of the user content they came with, assistant blocks as
 * content, {@code tool_calls} and (for Claude models) Copilot's reasoning fields.
 */
final class MessageTranslator {

  /** Name used for a tool call whose name is blank in the history; Chat Completions needs a non-empty one. */
  static final String UNNAMED_TOOL = "unnamed_tool";

  /** Content for a user turn left with nothing to say, so the turn order the client chose is kept. */
  static final String EMPTY_TURN = "...";

  private static final JsonObject EPHEMERAL = new JsonObject().put("type", "ephemeral");

  private final ChatTarget target;
  private final ToolNames names;
  private final Warnings warnings;
  private final List<String> systemTexts = new ArrayList<>();
  private boolean systemCached;

  MessageTranslator(ChatTarget target, ToolNames names, Warnings warnings) {
    this.target = target;
    this.names = names;
    this.warnings = warnings;
  }

  JsonArray translate(Object system, JsonArray messages) {
    addSystem(system, "system");
    JsonArray out = new JsonArray();
    for (int i = 0; i < messages.size(); i++) {
      String path = "messages." + i;
      JsonObject message = Fields.element(messages, i, path);
      String role = Fields.requiredString(message, "role", path + ".role");
      switch (role) {
        case "system" -> addSystem(message.getValue("content"), path + ".content");
        case "user" -> user(message, path, out);
        case "assistant" -> assistant(message, path, out);
        default -> throw Fields.invalid(path + ".role", "Input should be 'user', 'assistant' or 'system'");
      }
    }
    if (!systemTexts.isEmpty()) {
      JsonObject systemMessage = new JsonObject()
          .put("role", "system")
          .put("content", String.join("\n\n", systemTexts));
      out.getList().add(0, cacheMarked(systemMessage, systemCached));
    }
    return out;
  }

  /** System text from the top-level field or a {@code system} turn; null and blank text is dropped. */
  private void addSystem(Object content, String path) {
    if (content == null) {
      return;
    }
    if (content instanceof String text) {
      if (!text.isBlank()) {
        systemTexts.add(text);
      }
      return;
    }
    if (!(content instanceof JsonArray blocks)) {
      throw Fields.invalid(path, "Input should be a valid string or list of text blocks");
    }
    for (int i = 0; i < blocks.size(); i++) {
      String blockPath = path + "." + i;
      JsonObject block = Fields.element(blocks, i, blockPath);
      if (!"text".equals(Fields.type(block, blockPath))) {
        warnings.add("system.unsupported_block_dropped");
        continue;
      }
      String text = Fields.requiredString(block, "text", blockPath + ".text");
      if (!text.isBlank()) {
        systemTexts.add(text);
      }
      systemCached |= hasCacheControl(block);
    }
  }

  private void user(JsonObject message, String path, JsonArray out) {
    Object content = message.getValue("content");
    if (content instanceof String text) {
      out.add(new JsonObject().put("role", "user").put("content", text));
      return;
    }
    JsonArray blocks = contentBlocks(content, path + ".content");
    List<JsonObject> movedFromToolResults = new ArrayList<>();
    List<JsonObject> parts = new ArrayList<>();
    boolean hadToolResult = false;
    boolean cached = false;
    for (int i = 0; i < blocks.size(); i++) {
      String blockPath = path + ".content." + i;
      JsonObject block = Fields.element(blocks, i, blockPath);
      String type = Fields.type(block, blockPath);
      if ("tool_result".equals(type)) {
        out.add(ToolResults.toolMessage(block, blockPath, movedFromToolResults, warnings));
        cacheMarked(out.getJsonObject(out.size() - 1), hasCacheControl(block));
        hadToolResult = true;
      } else if ("thinking".equals(type)) {
        warnings.add("thinking.dropped");
      } else if ("redacted_thinking".equals(type)) {
        warnings.add("redacted_thinking.dropped");
      } else {
        parts.addAll(ContentParts.of(block, blockPath, warnings));
        cached |= hasCacheControl(block);
      }
    }
    if (!movedFromToolResults.isEmpty()) {
      warnings.add("tool_result.attachments_moved_to_user_message");
    }
    List<JsonObject> all = new ArrayList<>(movedFromToolResults);
    all.addAll(parts);
    if (all.isEmpty()) {
      if (!hadToolResult) {
        out.add(new JsonObject().put("role", "user").put("content", EMPTY_TURN));
      }
      return;
    }
    out.add(cacheMarked(new JsonObject().put("role", "user").put("content", ContentParts.content(all)), cached));
  }

  private void assistant(JsonObject message, String path, JsonArray out) {
    Object content = message.getValue("content");
    if (content instanceof String text) {
      out.add(new JsonObject().put("role", "assistant").put("content", text));
      return;
    }
    JsonArray blocks = contentBlocks(content, path + ".content");
    List<String> texts = new ArrayList<>();
    JsonArray toolCalls = new JsonArray();
    StringBuilder reasoningText = new StringBuilder();
    StringBuilder reasoningOpaque = new StringBuilder();
    boolean cached = false;
    for (int i = 0; i < blocks.size(); i++) {
      String blockPath = path + ".content." + i;
      JsonObject block = Fields.element(blocks, i, blockPath);
      String type = Fields.type(block, blockPath);
      switch (type) {
        case "text" -> {
          String text = Fields.requiredString(block, "text", blockPath + ".text");
          if (!text.isBlank()) {
            texts.add(text);
          }
        }
        case "tool_use" -> toolCalls.add(toolCall(block, blockPath));
        case "thinking" -> {
          String thinking = Fields.string(block, "thinking", blockPath + ".thinking");
          String signature = Fields.string(block, "signature", blockPath + ".signature");
          if (target.claudeFamily()) {
            reasoningText.append(thinking == null ? "" : thinking);
            reasoningOpaque.append(signature == null ? "" : signature);
          } else {
            warnings.add("thinking.dropped");
          }
        }
        case "redacted_thinking" -> {
          String data = Fields.string(block, "data", blockPath + ".data");
          if (target.claudeFamily()) {
            reasoningOpaque.append(data == null ? "" : data);
          } else {
            warnings.add("redacted_thinking.dropped");
          }
        }
        default -> warnings.add("content.unsupported_block_dropped");
      }
      cached |= hasCacheControl(block);
    }
    if (texts.isEmpty() && toolCalls.isEmpty()) {
      // A turn with nothing but reasoning has nothing a Chat model can be shown.
      if (reasoningText.length() > 0 || reasoningOpaque.length() > 0) {
        warnings.add("thinking.dropped");
      }
      return;
    }
    JsonObject chat = new JsonObject()
        .put("role", "assistant")
        .put("content", texts.isEmpty() ? null : String.join("\n\n", texts));
    if (!toolCalls.isEmpty()) {
      chat.put("tool_calls", toolCalls);
    }
    if (reasoningText.length() > 0) {
      chat.put("reasoning_text", reasoningText.toString());
    }
    if (reasoningOpaque.length() > 0) {
      chat.put("reasoning_opaque", reasoningOpaque.toString());
    }
    out.add(cacheMarked(chat, cached));
  }

  private JsonObject toolCall(JsonObject block, String path) {
    String id = Fields.requiredString(block, "id", path + ".id");
    String name = Fields.string(block, "name", path + ".name");
    JsonObject input = Fields.object(block, "input", path + ".input");
    String sentName = name == null || name.isBlank() ? UNNAMED_TOOL : names.outgoing(name);
    JsonObject function = new JsonObject()
        .put("name", sentName)
        .put("arguments", input == null ? "{}" : input.encode());
    return new JsonObject().put("id", id).put("type", "function").put("function", function);
  }

  private static JsonArray contentBlocks(Object content, String path) {
    if (content instanceof JsonArray blocks) {
      return blocks;
    }
    if (content == null) {
      throw Fields.missing(path);
    }
    throw Fields.invalid(path, "Input should be a valid string or list of content blocks");
  }

  private static boolean hasCacheControl(JsonObject block) {
    return block.getValue("cache_control") instanceof JsonObject;
  }

  /** Copilot's per-message cache breakpoint, only for Claude models; other models get no cache hints at all. */
  private JsonObject cacheMarked(JsonObject message, boolean cached) {
    if (cached && target.claudeFamily()) {
      message.put("copilot_cache_control", EPHEMERAL.copy());
    }
    return message;
  }
}
