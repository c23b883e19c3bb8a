package io.ghcapi.translator.responses;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a Responses API event stream against what Codex and the OpenAI SDKs rely on: framing
 * ({@code event:} + {@code data:} whose {@code type} matches, no {@code [DONE]}), {@code sequence_number}
 * strictly increasing from 0, {@code response.created} first, items opened with {@code output_item.added}
 * at contiguous {@code output_index} values, never interleaved, each closed by an {@code output_item.done}
 * holding the complete item (equal to what its deltas spelled), and exactly one terminal event, last.
 */
public final class ResponsesSseGrammar {

  /** One parsed frame. */
  public record Event(String name, JsonObject data) {
  }

  private static final Set<String> TERMINAL = Set.of("response.completed", "response.incomplete", "response.failed", "error");

  private final List<String> violations = new ArrayList<>();
  private final List<JsonObject> doneItems = new ArrayList<>();
  private Integer openIndex;
  private JsonObject openItem;
  private final Map<String, StringBuilder> deltas = new HashMap<>();
  private final Set<Integer> openParts = new HashSet<>();
  private int nextIndex;
  private boolean terminated;

  private ResponsesSseGrammar() {
  }

  /** Every rule the stream breaks, in order; empty when it is valid. */
  public static List<String> violations(String sseText) {
    ResponsesSseGrammar grammar = new ResponsesSseGrammar();
    grammar.check(grammar.parseInto(sseText));
    return grammar.violations;
  }

  /** The frames of a stream (comments and keepalives skipped); malformed frames are left out. */
  public static List<Event> parse(String sseText) {
    return new ResponsesSseGrammar().parseInto(sseText);
  }

  private List<Event> parseInto(String sseText) {
    List<Event> events = new ArrayList<>();
    for (String frame : sseText.split("\n\n")) {
      String name = null;
      String data = null;
      for (String line : frame.split("\n")) {
        if (line.startsWith("event: ")) {
          name = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data = line.substring(6);
        } else if (!line.isBlank() && !line.startsWith(":")) {
          violations.add("unexpected line: " + line);
        }
      }
      if (name == null && data == null) {
        continue;
      }
      if ("[DONE]".equals(data)) {
        violations.add("[DONE] is not part of a Responses stream");
        continue;
      }
      if (name == null || data == null) {
        violations.add("frame without both event and data: " + frame);
        continue;
      }
      try {
        JsonObject json = new JsonObject(data);
        if (!name.equals(json.getString("type"))) {
          violations.add("event " + name + " has data.type " + json.getString("type"));
        }
        events.add(new Event(name, json));
      } catch (DecodeException e) {
        violations.add("event " + name + " has invalid JSON data");
      }
    }
    return events;
  }

  private void check(List<Event> events) {
    if (events.isEmpty()) {
      violations.add("empty stream");
      return;
    }
    checkSequenceNumbers(events);
    Event first = events.get(0);
    if (!"response.created".equals(first.name()) || responseId(first.data()) == null) {
      violations.add("the first event must be response.created with a response id, got " + first.name());
    }
    for (Event event : events) {
      if (terminated) {
        violations.add(event.name() + " after the terminal event");
        continue;
      }
      checkEvent(event.name(), event.data());
    }
    if (!terminated) {
      violations.add("no terminal event (response.completed, response.incomplete or response.failed)");
    }
  }

  private void checkSequenceNumbers(List<Event> events) {
    long previous = -1;
    for (Event event : events) {
      Object value = event.data().getValue("sequence_number");
      if (!(value instanceof Number number)) {
        violations.add(event.name() + " has no sequence_number");
        continue;
      }
      long sequence = number.longValue();
      if (previous == -1 && sequence != 0) {
        violations.add("sequence_number starts at " + sequence + ", not 0");
      } else if (previous != -1 && sequence <= previous) {
        violations.add("sequence_number " + sequence + " after " + previous);
      }
      previous = sequence;
    }
  }

  private void checkEvent(String name, JsonObject data) {
    switch (name) {
      case "response.created", "response.in_progress", "response.queued" -> {
        if (responseId(data) == null) {
          violations.add(name + " without response.id");
        }
      }
      case "response.output_item.added" -> itemAdded(data);
      case "response.output_item.done" -> itemDone(data);
      case "response.content_part.added" -> {
        if (inOpenItem(name, data)) {
          openParts.add(data.getInteger("content_index", -1));
        }
      }
      case "response.content_part.done" -> {
        if (inOpenItem(name, data)) {
          openParts.remove(data.getInteger("content_index", -1));
        }
      }
      case "response.output_text.delta", "response.refusal.delta" -> contentDelta(name, data);
      case "response.output_text.done" -> contentDone(name, data, "text");
      case "response.refusal.done" -> contentDone(name, data, "refusal");
      case "response.function_call_arguments.delta", "response.custom_tool_call_input.delta" -> {
        if (inOpenItem(name, data)) {
          deltas.computeIfAbsent("arguments", key -> new StringBuilder()).append(data.getString("delta", ""));
        }
      }
      case "response.function_call_arguments.done" -> argumentsDone(name, data, "arguments");
      case "response.custom_tool_call_input.done" -> argumentsDone(name, data, "input");
      case "response.reasoning_summary_part.added", "response.reasoning_summary_part.done",
          "response.reasoning_summary_text.done", "response.reasoning_text.done" -> inOpenItem(name, data);
      case "response.reasoning_summary_text.delta", "response.reasoning_text.delta" -> {
        if (inOpenItem(name, data)) {
          deltas.computeIfAbsent("reasoning", key -> new StringBuilder()).append(data.getString("delta", ""));
        }
      }
      default -> {
        if (TERMINAL.contains(name)) {
          terminal(name, data);
        }
      }
    }
  }

  private void itemAdded(JsonObject data) {
    int index = data.getInteger("output_index", -1);
    JsonObject item = data.getJsonObject("item");
    if (openIndex != null) {
      violations.add("item " + index + " added while item " + openIndex + " is still open");
    }
    if (index != nextIndex) {
      violations.add("output_index " + index + " added, expected " + nextIndex);
    }
    if (item == null || item.getString("type") == null || item.getString("id") == null) {
      violations.add("output_item.added " + index + " without item type and id");
    }
    nextIndex = index + 1;
    openIndex = index;
    openItem = item == null ? new JsonObject() : item;
    deltas.clear();
    openParts.clear();
  }

  private void itemDone(JsonObject data) {
    int index = data.getInteger("output_index", -1);
    JsonObject item = data.getJsonObject("item");
    if (openIndex == null || index != openIndex) {
      violations.add("output_item.done for " + index + " which is not the open item");
      return;
    }
    if (item == null) {
      violations.add("output_item.done " + index + " without item");
    } else {
      if (!item.getString("type", "").equals(openItem.getString("type"))) {
        violations.add("item " + index + " changed type");
      }
      if (!item.getString("id", "").equals(openItem.getString("id"))) {
        violations.add("item " + index + " changed id");
      }
      checkComplete(index, item);
      doneItems.add(item);
    }
    if (!openParts.isEmpty()) {
      violations.add("item " + index + " done with content parts still open");
    }
    openIndex = null;
    openItem = null;
  }

  private void checkComplete(int index, JsonObject item) {
    String type = item.getString("type");
    String where = "item " + index + " (" + type + ")";
    switch (type) {
      case "message" -> {
        JsonArray content = item.getJsonArray("content");
        if (!"assistant".equals(item.getString("role")) || content == null || item.getString("status") == null) {
          violations.add(where + " needs role assistant, status and content");
          return;
        }
        StringBuilder text = new StringBuilder();
        StringBuilder refusal = new StringBuilder();
        for (int i = 0; i < content.size(); i++) {
          JsonObject part = content.getJsonObject(i);
          if ("output_text".equals(part.getString("type"))) {
            if (part.getString("text") == null || part.getJsonArray("annotations") == null) {
              violations.add(where + " has an output_text part without text or annotations");
            }
            text.append(part.getString("text", ""));
          } else if ("refusal".equals(part.getString("type")) && part.getString("refusal") != null) {
            refusal.append(part.getString("refusal"));
          } else {
            violations.add(where + " has an unknown content part " + part.getString("type"));
          }
        }
        expectDeltas(where, "text", text.toString());
        expectDeltas(where, "refusal", refusal.toString());
      }
      case "function_call" -> {
        requireText(where, item, "call_id");
        requireText(where, item, "name");
        if (item.getString("arguments") == null || item.getString("status") == null) {
          violations.add(where + " needs arguments and status");
        }
        expectDeltas(where, "arguments", item.getString("arguments", ""));
      }
      case "custom_tool_call" -> {
        requireText(where, item, "call_id");
        requireText(where, item, "name");
        if (item.getString("input") == null) {
          violations.add(where + " needs input");
        }
        expectDeltas(where, "arguments", item.getString("input", ""));
      }
      case "reasoning" -> {
        JsonArray summary = item.getJsonArray("summary");
        if (summary == null) {
          violations.add(where + " needs a summary array");
          return;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < summary.size(); i++) {
          text.append(summary.getJsonObject(i).getString("text", ""));
        }
        expectDeltas(where, "reasoning", text.toString());
      }
      default -> {
        // other item types: only type and id are checked
      }
    }
  }

  private void requireText(String where, JsonObject item, String field) {
    String value = item.getString(field);
    if (value == null || value.isEmpty()) {
      violations.add(where + " needs " + field);
    }
  }

  private void expectDeltas(String where, String kind, String complete) {
    StringBuilder streamed = deltas.get(kind);
    if (streamed != null && !streamed.toString().equals(complete)) {
      violations.add(where + ": its deltas spell '" + abbreviate(streamed) + "' but the item holds '" + abbreviate(complete) + "'");
    }
  }

  private void contentDelta(String name, JsonObject data) {
    if (!inOpenItem(name, data)) {
      return;
    }
    int part = data.getInteger("content_index", -1);
    if (!openParts.contains(part)) {
      violations.add(name + " for content part " + part + " which is not open");
    }
    String kind = "response.output_text.delta".equals(name) ? "text" : "refusal";
    deltas.computeIfAbsent(kind, key -> new StringBuilder()).append(data.getString("delta", ""));
    deltas.computeIfAbsent("part:" + part, key -> new StringBuilder()).append(data.getString("delta", ""));
  }

  private void contentDone(String name, JsonObject data, String field) {
    if (!inOpenItem(name, data)) {
      return;
    }
    StringBuilder streamed = deltas.getOrDefault("part:" + data.getInteger("content_index", -1), new StringBuilder());
    if (!streamed.toString().equals(data.getString(field))) {
      violations.add(name + " text differs from its deltas");
    }
  }

  private void argumentsDone(String name, JsonObject data, String field) {
    if (!inOpenItem(name, data)) {
      return;
    }
    StringBuilder streamed = deltas.getOrDefault("arguments", new StringBuilder());
    if (!streamed.toString().equals(data.getString(field))) {
      violations.add(name + " differs from its deltas");
    }
  }

  private boolean inOpenItem(String name, JsonObject data) {
    if (openIndex == null || data.getInteger("output_index", -1).intValue() != openIndex) {
      violations.add(name + " for output_index " + data.getValue("output_index") + " outside its open item");
      return false;
    }
    if (!openItem.getString("id", "").equals(data.getString("item_id"))) {
      violations.add(name + " with item_id " + data.getString("item_id") + " in item " + openItem.getString("id"));
    }
    return true;
  }

  private void terminal(String name, JsonObject data) {
    terminated = true;
    if ("error".equals(name)) {
      if (data.getString("message") == null) {
        violations.add("error event without message");
      }
      return;
    }
    JsonObject response = data.getJsonObject("response");
    if (response == null || response.getString("id") == null) {
      violations.add(name + " without response.id");
      return;
    }
    if ("response.failed".equals(name)) {
      JsonObject error = response.getJsonObject("error");
      if (!"failed".equals(response.getString("status")) || error == null || error.getString("code") == null
          || error.getString("message") == null) {
        violations.add("response.failed needs status failed and error.code and error.message");
      }
      return;
    }
    if (openIndex != null) {
      violations.add(name + " while item " + openIndex + " is open");
    }
    String expectedStatus = "response.completed".equals(name) ? "completed" : "incomplete";
    if (!expectedStatus.equals(response.getString("status"))) {
      violations.add(name + " with status " + response.getString("status"));
    }
    if ("response.incomplete".equals(name)
        && (response.getJsonObject("incomplete_details") == null || response.getJsonObject("incomplete_details").getString("reason") == null)) {
      violations.add("response.incomplete without incomplete_details.reason");
    }
    JsonObject usage = response.getJsonObject("usage");
    if (usage == null || !(usage.getValue("input_tokens") instanceof Number) || !(usage.getValue("output_tokens") instanceof Number)
        || !(usage.getValue("total_tokens") instanceof Number)) {
      violations.add(name + " without usage input_tokens, output_tokens and total_tokens");
    }
    JsonArray output = response.getJsonArray("output");
    if (output == null || !output.equals(new JsonArray(new ArrayList<>(doneItems)))) {
      violations.add(name + " output differs from the items of output_item.done");
    }
  }

  private static String responseId(JsonObject data) {
    JsonObject response = data.getJsonObject("response");
    return response == null ? null : response.getString("id");
  }

  private static String abbreviate(CharSequence text) {
    return text.length() <= 60 ? text.toString() : text.subSequence(0, 60) + "...";
  }
}
