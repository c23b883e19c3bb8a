package io.ghcapi.cache.record;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The export/import line format (seed §5.5, also the daily request files): one JSON object per line with
 * every record field, where a body whose text is valid JSON is embedded as that JSON value and any other
 * body is a string. Records in memory and on the bus hold bodies as text; this class converts both ways.
 */
public final class ExportLine {

  private ExportLine() {
  }

  /**
   * One line, without its newline. Valid JSON bodies are spliced in as they are (after checking them),
   * which avoids building a tree for a body of a megabyte.
   */
  public static String encode(JsonObject record) {
    JsonObject rest = new JsonObject(new LinkedHashMap<>(record.getMap()));
    List<String> bodies = new ArrayList<>(BodyLimit.BODY_FIELDS.size());
    for (String field : BodyLimit.BODY_FIELDS) {
      if (rest.containsKey(field)) {
        rest.remove(field);
        bodies.add(field);
      }
    }
    String head = rest.encode();
    if (bodies.isEmpty()) {
      return head;
    }
    StringBuilder line = new StringBuilder(head.length() + (int) Math.min(Integer.MAX_VALUE / 2,
        RecordFields.estimatedBytes(record)));
    line.append(head, 0, head.length() - 1);
    boolean first = head.length() == 2;
    for (String field : bodies) {
      if (!first) {
        line.append(',');
      }
      first = false;
      line.append('"').append(field).append("\":");
      appendBody(line, record.getValue(field));
    }
    return line.append('}').toString();
  }

  /** The same content as {@link #encode}, as an object (for a reply). */
  public static JsonObject toJson(JsonObject record) {
    JsonObject out = new JsonObject(new LinkedHashMap<>(record.getMap()));
    for (String field : BodyLimit.BODY_FIELDS) {
      if (out.containsKey(field)) {
        out.put(field, bodyValue(out.getValue(field)));
      }
    }
    return out;
  }

  /** A body as shown to a reader: the JSON value its text holds, else the text itself. */
  public static Object bodyValue(Object body) {
    if (body instanceof String text && JsonText.isValid(text)) {
      return Json.decodeValue(text);
    }
    return body;
  }

  /**
   * Parses a line back into a record with bodies as text. Accepts bodies embedded as JSON values or
   * given as strings. Throws {@link IllegalArgumentException} with a short reason for a bad line.
   */
  public static JsonObject decode(String line) {
    JsonObject json;
    try {
      json = new JsonObject(line);
    } catch (DecodeException | ClassCastException e) {
      throw new IllegalArgumentException("not a JSON object: " + shorten(e.getMessage()));
    }
    return bodiesAsText(json);
  }

  /** Turns bodies given as JSON values (an import, a plugin's record) into the text form records hold. */
  public static JsonObject bodiesAsText(JsonObject record) {
    for (String field : BodyLimit.BODY_FIELDS) {
      Object value = record.getValue(field);
      if (value != null && !(value instanceof String)) {
        record.put(field, Json.encode(value));
      }
    }
    return record;
  }

  private static void appendBody(StringBuilder line, Object body) {
    if (body instanceof String text) {
      if (JsonText.isValid(text)) {
        appendOnOneLine(line, text);
      } else {
        line.append(Json.encode(text));
      }
    } else {
      line.append(Json.encode(body));
    }
  }

  /** Valid JSON can hold line breaks only as whitespace between tokens, so they become spaces. */
  private static void appendOnOneLine(StringBuilder line, String json) {
    if (json.indexOf('\n') < 0 && json.indexOf('\r') < 0) {
      line.append(json);
      return;
    }
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      line.append(c == '\n' || c == '\r' ? ' ' : c);
    }
  }

  private static String shorten(String message) {
    String text = String.valueOf(message);
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
