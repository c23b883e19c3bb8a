package io.ghcapi.translator.anthropic;

import io.ghcapi.translator.Warnings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * An Anthropic {@code tool_result} block as one Chat {@code tool} message. Chat tool messages carry text
 * only, so images and files in a result are handed back to go into the user message that follows.
 */
final class ToolResults {

  static final String ATTACHMENT_NOTE = "(The tool's output is attached to the next message.)";

  private ToolResults() {
  }

  static JsonObject toolMessage(JsonObject block, String path, List<JsonObject> attachments, Warnings warnings) {
    String toolUseId = Fields.requiredString(block, "tool_use_id", path + ".tool_use_id");
    boolean isError = Boolean.TRUE.equals(Fields.bool(block, "is_error", path + ".is_error"));
    List<String> texts = new ArrayList<>();
    int attachmentsBefore = attachments.size();
    Object content = block.getValue("content");
    if (content instanceof String text) {
      texts.add(text);
    } else if (content instanceof JsonArray items) {
      for (int i = 0; i < items.size(); i++) {
        String itemPath = path + ".content." + i;
        for (JsonObject part : ContentParts.of(Fields.element(items, i, itemPath), itemPath, warnings)) {
          if (ContentParts.isText(part)) {
            texts.add(part.getString("text"));
          } else {
            attachments.add(part);
          }
        }
      }
    } else if (content != null) {
      throw Fields.invalid(path + ".content", "Input should be a valid string or list of content blocks");
    }
    String text = String.join("\n\n", texts);
    if (text.isEmpty() && attachments.size() > attachmentsBefore) {
      text = ATTACHMENT_NOTE;
    }
    if (isError) {
      // Chat has no error flag on tool messages; the model still needs to know the call failed.
      text = text.isEmpty() ? "Error" : "Error: " + text;
    }
    return new JsonObject().put("role", "tool").put("tool_call_id", toolUseId).put("content", text);
  }
}
