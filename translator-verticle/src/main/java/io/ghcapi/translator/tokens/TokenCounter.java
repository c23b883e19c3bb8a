package io.ghcapi.translator.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Counts the input tokens of an Anthropic Messages request with a real BPE tokenizer (o200k_base, the
 * encoding of Copilot's GPT models and a close proxy for Claude's own), instead of a characters/4 guess.
 * Counts the system prompt, every text, thinking, tool use and tool result, and the tool definitions;
 * images count as a fixed allowance. Thread-safe.
 */
public final class TokenCounter {

  /** Tokens Anthropic adds for a tool-use system preamble when tools are present (Anthropic's pricing docs). */
  static final int TOOLS_PREAMBLE = 346;
  /** A fixed allowance per image (a 1000x1000 image is about 1300 tokens for Claude). */
  static final int IMAGE_TOKENS = 1_300;
  /** Per-message framing overhead. */
  static final int PER_MESSAGE = 3;

  private volatile Encoding encoding;

  public int countText(String text) {
    return text == null || text.isEmpty() ? 0 : encoding().countTokensOrdinary(text);
  }

  /** Loaded on first use (a few hundred milliseconds), on whichever worker thread counts first. */
  private Encoding encoding() {
    Encoding loaded = encoding;
    if (loaded == null) {
      synchronized (this) {
        loaded = encoding;
        if (loaded == null) {
          loaded = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
          encoding = loaded;
        }
      }
    }
    return loaded;
  }

  public int countMessagesRequest(JsonObject request) {
    int total = countContent(request.getValue("system"));
    if (request.getValue("messages") instanceof JsonArray messages) {
      for (Object message : messages) {
        if (message instanceof JsonObject m) {
          total += PER_MESSAGE + countContent(m.getValue("content"));
        }
      }
    }
    if (request.getValue("tools") instanceof JsonArray tools && !tools.isEmpty()) {
      total += TOOLS_PREAMBLE;
      for (Object tool : tools) {
        if (tool instanceof JsonObject t) {
          total += countText(t.getString("name")) + countText(t.getString("description"));
          if (t.getValue("input_schema") instanceof JsonObject schema) {
            total += countText(schema.encode());
          }
        }
      }
    }
    return Math.max(1, total);
  }

  private int countContent(Object content) {
    if (content instanceof String text) {
      return countText(text);
    }
    if (!(content instanceof JsonArray blocks)) {
      return 0;
    }
    int total = 0;
    for (Object item : blocks) {
      if (item instanceof JsonObject block) {
        total += countBlock(block);
      }
    }
    return total;
  }

  private int countBlock(JsonObject block) {
    String type = block.getString("type", "");
    return switch (type) {
      case "text" -> countText(block.getString("text"));
      case "thinking" -> countText(block.getString("thinking"));
      case "tool_use" -> countText(block.getString("name"))
          + (block.getValue("input") instanceof JsonObject input ? countText(input.encode()) : 0);
      case "tool_result" -> countContent(block.getValue("content"));
      case "image" -> IMAGE_TOKENS;
      case "document" -> block.getValue("source") instanceof JsonObject source && source.getValue("data") instanceof String data
          && "text".equals(source.getString("type")) ? countText(data) : 0;
      default -> 0;
    };
  }
}
