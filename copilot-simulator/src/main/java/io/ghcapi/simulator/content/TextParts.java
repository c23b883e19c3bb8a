package io.ghcapi.simulator.content;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.StringJoiner;

/** Extracts the plain text from message content: a string, or a list of typed parts. */
public final class TextParts {

  private TextParts() {
  }

  /** The string itself, or the {@code text} of every part whose type is in {@code textTypes}, one per line. */
  public static String join(Object content, Set<String> textTypes) {
    if (content instanceof String text) {
      return text;
    }
    if (!(content instanceof JsonArray parts)) {
      return "";
    }
    StringJoiner joined = new StringJoiner("\n");
    for (Object part : parts) {
      if (part instanceof JsonObject object && textTypes.contains(object.getValue("type"))
          && object.getValue("text") instanceof String text) {
        joined.add(text);
      } else if (part instanceof String text) {
        joined.add(text);
      }
    }
    return joined.toString();
  }

  /** Whether any part of {@code content} (a list) has the given type. */
  public static boolean hasPartOfType(Object content, String type) {
    if (content instanceof JsonArray parts) {
      for (Object part : parts) {
        if (part instanceof JsonObject object && type.equals(object.getValue("type"))) {
          return true;
        }
      }
    }
    return false;
  }
}
