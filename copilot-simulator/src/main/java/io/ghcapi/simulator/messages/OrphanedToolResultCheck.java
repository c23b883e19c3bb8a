package io.ghcapi.simulator.messages;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Set;

/**
 * Refuses, as Anthropic's API does, a {@code tool_result} whose {@code tool_use_id} has no {@code tool_use}
 * in the message just before it (a history a client trimmed badly).
 */
final class OrphanedToolResultCheck {

  private OrphanedToolResultCheck() {
  }

  /** The error message for the first orphaned tool result, or null when every result has its call. */
  static String firstOrphan(JsonArray messages) {
    Set<String> previousCalls = new HashSet<>();
    for (int i = 0; i < messages.size(); i++) {
      if (!(messages.getValue(i) instanceof JsonObject message)) {
        continue;
      }
      Set<String> calls = new HashSet<>();
      if (message.getValue("content") instanceof JsonArray blocks) {
        for (int j = 0; j < blocks.size(); j++) {
          if (!(blocks.getValue(j) instanceof JsonObject block)) {
            continue;
          }
          if ("tool_use".equals(block.getValue("type")) && block.getValue("id") instanceof String id) {
            calls.add(id);
          }
          if ("tool_result".equals(block.getValue("type")) && "user".equals(message.getValue("role"))
              && !previousCalls.contains(block.getString("tool_use_id"))) {
            return "messages." + i + ".content." + j + ": unexpected `tool_use_id` found in `tool_result` blocks: "
                + block.getString("tool_use_id") + ". Each `tool_result` block must have a corresponding `tool_use` block"
                + " in the previous message.";
          }
        }
      }
      if (!"system".equals(message.getValue("role"))) {
        previousCalls = calls;
      }
    }
    return null;
  }
}
