package io.ghcapi.gateway.openai;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Reads what the Copilot headers depend on from a Chat Completions request. */
public final class ChatRequestInspector {

  public static final String USER = "user";
  public static final String AGENT = "agent";

  private ChatRequestInspector() {
  }

  /**
   * {@code X-Initiator} from the <b>last</b> message: text a person typed ({@code user}) starts a premium
   * request; a tool result or an assistant continuation is the agent's own loop and must not.
   */
  public static String initiator(JsonArray messages) {
    if (messages == null || messages.isEmpty()) {
      return USER;
    }
    Object last = messages.getValue(messages.size() - 1);
    if (last instanceof JsonObject message) {
      String role = message.getString("role", "");
      return role.equals("user") || role.equals("system") || role.equals("developer") ? USER : AGENT;
    }
    return USER;
  }

  /** Why the request was billed as it was, in words, for the request history. */
  public static String initiatorReason(JsonArray messages) {
    if (messages == null || messages.isEmpty()) {
      return "user: no conversation history";
    }
    Object last = messages.getValue(messages.size() - 1);
    String role = last instanceof JsonObject message ? message.getString("role", "") : "";
    return USER.equals(initiator(messages)) ? "user: the last message is a " + role + " message"
        : "agent: the last message is a " + role + " message (a tool result or the assistant's own)";
  }

  /** True when any message carries an image part, which Copilot serves only with the vision header. */
  public static boolean hasImages(JsonArray messages) {
    if (messages == null) {
      return false;
    }
    for (Object item : messages) {
      if (item instanceof JsonObject message && message.getValue("content") instanceof JsonArray parts) {
        for (Object part : parts) {
          if (part instanceof JsonObject p && "image_url".equals(p.getString("type"))) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
