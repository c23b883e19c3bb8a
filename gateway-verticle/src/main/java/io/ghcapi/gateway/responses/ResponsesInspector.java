package io.ghcapi.gateway.responses;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Reads what the Copilot headers and the billing record depend on from an OpenAI Responses request. */
public final class ResponsesInspector {

  private ResponsesInspector() {
  }

  /**
   * {@code X-Initiator} from the last input item: a user message is a person's turn ({@code user}); a tool
   * output, a tool call or an assistant message is the agent's loop ({@code agent}). System and developer
   * messages are not turns.
   */
  public static String initiator(Object input) {
    JsonObject last = lastTurn(input);
    if (last == null) {
      return "user";
    }
    String type = last.getString("type", "message");
    return "message".equals(type) && "user".equals(last.getString("role")) ? "user" : "agent";
  }

  public static String initiatorReason(Object input) {
    JsonObject last = lastTurn(input);
    if (last == null) {
      return "user: the input is text a person sent";
    }
    String type = last.getString("type", "message");
    if ("message".equals(type)) {
      return "user".equals(last.getString("role")) ? "user: the last input item is a user message"
          : "agent: the last input item is an assistant message";
    }
    return "agent: the last input item is a " + type;
  }

  /** True when any input item is or contains an {@code input_image}. */
  public static boolean hasImages(Object input) {
    if (!(input instanceof JsonArray items)) {
      return false;
    }
    for (Object item : items) {
      if (item instanceof JsonObject object) {
        if ("input_image".equals(object.getString("type"))) {
          return true;
        }
        if (object.getValue("content") instanceof JsonArray parts) {
          for (Object part : parts) {
            if (part instanceof JsonObject p && "input_image".equals(p.getString("type"))) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  private static JsonObject lastTurn(Object input) {
    if (!(input instanceof JsonArray items)) {
      return null;
    }
    for (int i = items.size() - 1; i >= 0; i--) {
      if (items.getValue(i) instanceof JsonObject item) {
        String role = item.getString("role");
        if (!"system".equals(role) && !"developer".equals(role)) {
          return item;
        }
      }
    }
    return null;
  }
}
