package io.ghcapi.translator.responses;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Reads the parts of a Chat message or delta that several translations need. */
final class ChatMessages {

  private ChatMessages() {
  }

  /**
   * The readable reasoning: Copilot's {@code reasoning_text}, or {@code reasoning_content} as vLLM,
   * DeepSeek and OpenRouter name it.
   */
  static String reasoningText(JsonObject messageOrDelta) {
    String text = JsonValues.string(messageOrDelta, "reasoning_text");
    return text != null ? text : JsonValues.string(messageOrDelta, "reasoning_content");
  }

  /** A content string, or the text parts of a content array joined by newlines; {@code null} for no content. */
  static String contentText(Object content) {
    if (content instanceof String text) {
      return text;
    }
    JsonArray parts = JsonValues.asArray(content);
    if (parts == null) {
      return null;
    }
    List<String> texts = new ArrayList<>();
    for (Object value : parts) {
      JsonObject part = JsonValues.asObject(value);
      String text = JsonValues.string(part, "text");
      if (text != null) {
        texts.add(text);
      }
    }
    return String.join("\n", texts);
  }
}
