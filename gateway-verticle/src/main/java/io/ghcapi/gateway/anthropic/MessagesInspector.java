package io.ghcapi.gateway.anthropic;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Reads what the Copilot headers and the billing record depend on from an Anthropic Messages request. */
public final class MessagesInspector {

  private MessagesInspector() {
  }

  /**
   * {@code X-Initiator} from the last turn: a person's text starts a premium request ({@code user}); a turn
   * made only of tool results, or an assistant continuation, is the agent's loop ({@code agent}). Trailing
   * {@code role:"system"} entries (Claude Code appends them mid-conversation) are not turns.
   */
  public static String initiator(JsonArray messages) {
    JsonObject last = lastTurn(messages);
    if (last == null) {
      return "user";
    }
    if (!"user".equals(last.getString("role"))) {
      return "agent";
    }
    Object content = last.getValue("content");
    if (content instanceof JsonArray blocks && !blocks.isEmpty()) {
      for (Object block : blocks) {
        if (!(block instanceof JsonObject b) || !"tool_result".equals(b.getString("type"))) {
          return "user";
        }
      }
      return "agent";
    }
    return "user";
  }

  /** Why the request was billed as it was, in words, for the request history. */
  public static String initiatorReason(JsonArray messages) {
    JsonObject last = lastTurn(messages);
    if (last == null) {
      return "user: no conversation history";
    }
    if (!"user".equals(last.getString("role"))) {
      return "agent: the last turn is the assistant's (a continuation)";
    }
    return "agent".equals(initiator(messages))
        ? "agent: the last turn carries only tool results"
        : "user: the last turn is text a person sent";
  }

  /** True when a message carries an image block at its top level (images inside tool results do not count). */
  public static boolean hasImages(JsonArray messages) {
    if (messages == null) {
      return false;
    }
    for (Object item : messages) {
      if (item instanceof JsonObject message && message.getValue("content") instanceof JsonArray blocks) {
        for (Object block : blocks) {
          if (block instanceof JsonObject b && "image".equals(b.getString("type"))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static JsonObject lastTurn(JsonArray messages) {
    if (messages == null) {
      return null;
    }
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.getValue(i) instanceof JsonObject message && !"system".equals(message.getString("role"))) {
        return message;
      }
    }
    return null;
  }
}
