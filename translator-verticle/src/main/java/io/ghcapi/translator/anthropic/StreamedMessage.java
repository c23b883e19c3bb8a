package io.ghcapi.translator.anthropic;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The Anthropic message a stream amounts to, kept for the request history. Bounded: at most
 * {@link #TEXT_LIMIT} characters of text, thinking, signatures and tool arguments are kept in all; beyond
 * that the message is marked {@code "_truncated": true}.
 */
final class StreamedMessage {

  static final int TEXT_LIMIT = 1 << 20;

  private final String id;
  private final String model;
  private final List<Block> blocks = new ArrayList<>();
  private int kept;
  private boolean truncated;

  StreamedMessage(String id, String model) {
    this.id = id;
    this.model = model;
  }

  /** Starts the next block; blocks are numbered as in the stream. */
  void startText() {
    blocks.add(new Block("text", null, null));
  }

  void startThinking() {
    blocks.add(new Block("thinking", null, null));
  }

  void startToolUse(String toolId, String name) {
    blocks.add(new Block("tool_use", toolId, name));
  }

  /** Text, thinking or tool arguments for block {@code index}. */
  void append(int index, String text) {
    keep(blocks.get(index).body, text);
  }

  void appendSignature(int index, String signature) {
    keep(blocks.get(index).signature, signature);
  }

  JsonObject toJson(String stopReason, JsonObject usage) {
    JsonArray content = new JsonArray();
    for (Block block : blocks) {
      content.add(block.toJson());
    }
    JsonObject message = new JsonObject()
        .put("id", id)
        .put("type", "message")
        .put("role", "assistant")
        .put("model", model)
        .put("content", content)
        .put("stop_reason", stopReason)
        .put("stop_sequence", null)
        .put("usage", usage);
    if (truncated) {
      message.put("_truncated", true);
    }
    return message;
  }

  private void keep(StringBuilder target, String text) {
    int room = TEXT_LIMIT - kept;
    if (text.length() > room) {
      truncated = true;
    }
    int length = Math.min(room, text.length());
    target.append(text, 0, length);
    kept += length;
  }

  private record Block(String type, String toolId, String name, StringBuilder body, StringBuilder signature) {

    Block(String type, String toolId, String name) {
      this(type, toolId, name, new StringBuilder(), new StringBuilder());
    }

    JsonObject toJson() {
      JsonObject block = new JsonObject().put("type", type);
      switch (type) {
        case "text" -> block.put("text", body.toString());
        case "thinking" -> block.put("thinking", body.toString())
            .put("signature", signature.length() > 0 ? signature.toString() : null);
        default -> block.put("id", toolId).put("name", name).put("input", ToolArguments.parse(body.toString()));
      }
      return block;
    }
  }
}
