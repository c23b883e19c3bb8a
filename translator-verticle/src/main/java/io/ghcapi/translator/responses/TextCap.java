package io.ghcapi.translator.responses;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Bounds the text a response keeps for the request history; a cut response carries {@code "_truncated": true}. */
final class TextCap {

  static final int MAX_CHARS = 1 << 20;

  private int remaining;
  private boolean truncated;

  private TextCap(int maxChars) {
    this.remaining = maxChars;
  }

  static JsonObject cap(JsonObject response) {
    return cap(response, MAX_CHARS);
  }

  static JsonObject cap(JsonObject response, int maxChars) {
    JsonObject copy = response.copy();
    TextCap cap = new TextCap(maxChars);
    JsonArray output = copy.getJsonArray("output");
    if (output != null) {
      cap.capArray(output);
    }
    if (cap.truncated) {
      copy.put("_truncated", true);
    }
    return copy;
  }

  private void capObject(JsonObject object) {
    for (String key : object.fieldNames()) {
      Object value = object.getValue(key);
      if (value instanceof String text) {
        object.put(key, capText(text));
      } else if (value instanceof JsonObject nested) {
        capObject(nested);
      } else if (value instanceof JsonArray nested) {
        capArray(nested);
      }
    }
  }

  private void capArray(JsonArray array) {
    for (int i = 0; i < array.size(); i++) {
      Object value = array.getValue(i);
      if (value instanceof String text) {
        array.set(i, capText(text));
      } else if (value instanceof JsonObject nested) {
        capObject(nested);
      } else if (value instanceof JsonArray nested) {
        capArray(nested);
      }
    }
  }

  private String capText(String text) {
    if (text.length() <= remaining) {
      remaining -= text.length();
      return text;
    }
    truncated = true;
    String kept = text.substring(0, remaining);
    remaining = 0;
    return kept;
  }
}
