package io.ghcapi.gateway.anthropic;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recovers from Copilot refusing a history whose {@code tool_result} has no matching {@code tool_use}
 * (clients that trim history can leave one behind, and then every later turn fails): the ids Copilot
 * names are removed from user messages and the request is sent again (seed §3.6).
 */
public final class OrphanedToolResults {

  /** How many times one request may be repaired and retried. */
  public static final int MAX_REPAIRS = 3;

  private static final Pattern NAMED = Pattern.compile("unexpected `tool_use_id` found in `tool_result` blocks: ([A-Za-z0-9_-]+)");
  private static final Pattern ANY_ID = Pattern.compile("toolu_[A-Za-z0-9_-]+");

  private OrphanedToolResults() {
  }

  /** The orphaned ids a 400 answer names; empty when the answer is about something else. */
  public static Set<String> orphanedIds(int status, String errorBody) {
    Set<String> ids = new LinkedHashSet<>();
    if (status != 400 || errorBody == null || !errorBody.contains("tool_use_id") || !errorBody.contains("tool_result")) {
      return ids;
    }
    Matcher named = NAMED.matcher(errorBody);
    while (named.find()) {
      ids.add(named.group(1));
    }
    if (ids.isEmpty()) {
      Matcher any = ANY_ID.matcher(errorBody);
      while (any.find()) {
        ids.add(any.group());
      }
    }
    return ids;
  }

  /** Removes those tool results from user messages (a message left empty is removed); true if any went. */
  public static boolean remove(JsonObject request, Set<String> ids) {
    if (ids.isEmpty() || !(request.getValue("messages") instanceof JsonArray messages)) {
      return false;
    }
    boolean changed = false;
    JsonArray kept = new JsonArray();
    for (Object item : messages) {
      if (item instanceof JsonObject message && "user".equals(message.getString("role"))
          && message.getValue("content") instanceof JsonArray blocks) {
        JsonArray remaining = new JsonArray();
        for (Object block : blocks) {
          boolean orphan = block instanceof JsonObject b && "tool_result".equals(b.getString("type"))
              && ids.contains(b.getString("tool_use_id"));
          if (orphan) {
            changed = true;
          } else {
            remaining.add(block);
          }
        }
        if (remaining.isEmpty()) {
          continue;
        }
        message.put("content", remaining);
      }
      kept.add(item);
    }
    request.put("messages", kept);
    return changed;
  }
}
