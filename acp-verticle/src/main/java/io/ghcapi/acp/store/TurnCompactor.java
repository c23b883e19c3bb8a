package io.ghcapi.acp.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one turn leaves behind, compacted: the events of a turn in order, with streamed text chunks of one
 * message joined, each {@code tool_call_update} folded into its {@code tool_call}, one {@code plan} (the last,
 * where the first was), the last of each state update, terminal output joined per terminal, and permission
 * outcomes folded into their requests. Bounded in entries, in text per entry and in all.
 */
public final class TurnCompactor {

  private static final Set<String> TEXT_CHUNKS = Set.of("agent_message_chunk", "agent_thought_chunk",
      "user_message_chunk");
  private static final Set<String> LAST_WINS = Set.of("usage_update", "available_commands_update",
      "current_mode_update", "config_option_update", "session_info_update");
  private static final Set<String> KEPT_TYPES = Set.of("update", "permission", "permission_resolved", "file",
      "terminal", "terminal_output", "error", "cancelling");
  private static final Set<String> ENVELOPE = Set.of("version", "session_id", "seq", "at");

  private final int maxEntries;
  private final int maxTextChars;
  private final long maxChars;
  private final List<JsonObject> entries = new ArrayList<>();
  private long chars;
  private int dropped;

  /**
   * @param maxEntries entries kept
   * @param maxTextChars text kept in one joined entry
   * @param maxChars everything kept, in characters of JSON (about)
   */
  public TurnCompactor(int maxEntries, int maxTextChars, long maxChars) {
    this.maxEntries = maxEntries;
    this.maxTextChars = maxTextChars;
    this.maxChars = maxChars;
  }

  /** Takes one session event (as published); events that are not part of a turn's story are ignored. */
  public void add(JsonObject event) {
    String type = event.getString("type");
    if (!KEPT_TYPES.contains(type)) {
      return;
    }
    JsonObject entry = new JsonObject();
    event.forEach(field -> {
      if (!ENVELOPE.contains(field.getKey())) {
        entry.put(field.getKey(), field.getValue());
      }
    });
    entry.put("type", type);
    JsonObject copy = entry.copy();
    switch (type) {
      case "update" -> addUpdate(copy);
      case "terminal_output" -> addTerminalOutput(copy);
      case "permission_resolved" -> addResolution(copy);
      default -> append(copy);
    }
  }

  public JsonArray entries() {
    JsonArray out = new JsonArray();
    entries.forEach(entry -> out.add(entry.copy()));
    return out;
  }

  /** Entries left out because the turn reached its bound. */
  public int dropped() {
    return dropped;
  }

  private void addUpdate(JsonObject entry) {
    JsonObject update = entry.getJsonObject("update");
    String kind = update == null ? null : update.getString("sessionUpdate");
    if (kind == null) {
      append(entry);
    } else if (TEXT_CHUNKS.contains(kind) && joinText(update)) {
      return;
    } else if ("tool_call_update".equals(kind) && foldToolCall(update)) {
      return;
    } else if ("plan".equals(kind)) {
      int earlier = indexOfUpdate(kind);
      if (earlier >= 0) {
        entries.set(earlier, entry);
      } else {
        append(entry);
      }
    } else if (LAST_WINS.contains(kind)) {
      int earlier = indexOfUpdate(kind);
      if (earlier >= 0) {
        entries.remove(earlier);
      }
      append(entry);
    } else {
      append(entry);
    }
  }

  private boolean joinText(JsonObject update) {
    JsonObject content = update.getJsonObject("content");
    if (content == null || !"text".equals(content.getString("type")) || entries.isEmpty()) {
      return false;
    }
    JsonObject last = entries.get(entries.size() - 1);
    JsonObject previous = "update".equals(last.getString("type")) ? last.getJsonObject("update") : null;
    if (previous == null || !update.getString("sessionUpdate").equals(previous.getString("sessionUpdate"))
        || !Objects.equals(update.getValue("messageId"), previous.getValue("messageId"))) {
      return false;
    }
    JsonObject previousContent = previous.getJsonObject("content");
    if (previousContent == null || !"text".equals(previousContent.getString("type"))) {
      return false;
    }
    String previousText = previousContent.getString("text", "");
    String joined = previousText + content.getString("text", "");
    if (joined.length() > maxTextChars || chars + joined.length() - previousText.length() > maxChars) {
      joined = joined.substring(0, (int) Math.max(previousText.length(),
          Math.min(maxTextChars, maxChars - chars + previousText.length())));
      last.put("truncated", true);
    }
    chars += joined.length() - previousText.length();
    previousContent.put("text", joined);
    return true;
  }

  private boolean foldToolCall(JsonObject update) {
    Object id = update.getValue("toolCallId");
    for (int i = entries.size() - 1; i >= 0; i--) {
      JsonObject candidate = entries.get(i).getJsonObject("update");
      if (candidate != null && id != null && id.equals(candidate.getValue("toolCallId"))
          && Set.of("tool_call", "tool_call_update").contains(candidate.getString("sessionUpdate"))) {
        long size = update.encode().length();
        if (chars + size > maxChars) {
          dropped++;
          return true;
        }
        chars += size;
        update.forEach(field -> {
          if (!"sessionUpdate".equals(field.getKey())) {
            candidate.put(field.getKey(), field.getValue());
          }
        });
        return true;
      }
    }
    return false;
  }

  private void addTerminalOutput(JsonObject entry) {
    String terminal = entry.getString("terminal_id");
    for (int i = entries.size() - 1; i >= 0; i--) {
      JsonObject candidate = entries.get(i);
      if ("terminal_output".equals(candidate.getString("type")) && Objects.equals(terminal,
          candidate.getString("terminal_id"))) {
        String previous = candidate.getString("text", "");
        String joined = previous + entry.getString("text", "");
        if (joined.length() > maxTextChars) {
          joined = joined.substring(joined.length() - maxTextChars);
          candidate.put("truncated", true);
        }
        chars += joined.length() - previous.length();
        candidate.put("text", joined);
        return;
      }
    }
    append(entry);
  }

  private void addResolution(JsonObject entry) {
    String request = entry.getString("request_id");
    for (int i = entries.size() - 1; i >= 0; i--) {
      JsonObject candidate = entries.get(i);
      if ("permission".equals(candidate.getString("type")) && Objects.equals(request,
          candidate.getString("request_id"))) {
        JsonObject resolution = entry.copy();
        resolution.remove("type");
        resolution.remove("request_id");
        candidate.put("resolution", resolution);
        return;
      }
    }
    append(entry);
  }

  private int indexOfUpdate(String kind) {
    for (int i = 0; i < entries.size(); i++) {
      JsonObject update = entries.get(i).getJsonObject("update");
      if (update != null && kind.equals(update.getString("sessionUpdate"))) {
        return i;
      }
    }
    return -1;
  }

  private void append(JsonObject entry) {
    long size = entry.encode().length();
    if (entries.size() >= maxEntries || chars + size > maxChars) {
      dropped++;
      return;
    }
    chars += size;
    entries.add(entry);
  }
}
