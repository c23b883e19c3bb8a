package io.ghcapi.bus.plugin;

import io.vertx.core.json.JsonObject;

/**
 * An interceptor's answer, the reply to an {@link InterceptedRequest}:
 * <ul>
 *   <li>{@code {action: "allow"}}: go on unchanged;</li>
 *   <li>{@code {action: "modify", body?, headers?}}: replace the body (the whole JSON object) and/or set
 *       request headers ({@code name: value}, or {@code name: null} to remove one), then go on;</li>
 *   <li>{@code {action: "deny", status, message}}: answer the client now with that status (400–599) and
 *       message, in its API's error shape; Copilot is not called.</li>
 * </ul>
 */
public record InterceptDecision(Action action, JsonObject body, JsonObject headers, int status, String message) {

  public enum Action { ALLOW, MODIFY, DENY }

  public static InterceptDecision allow() {
    return new InterceptDecision(Action.ALLOW, null, null, 0, null);
  }

  public static InterceptDecision replaceBody(JsonObject body) {
    return new InterceptDecision(Action.MODIFY, body, null, 0, null);
  }

  public static InterceptDecision setHeaders(JsonObject headers) {
    return new InterceptDecision(Action.MODIFY, null, headers, 0, null);
  }

  public static InterceptDecision deny(int status, String message) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("a denial's status must be 400-599, got " + status);
    }
    return new InterceptDecision(Action.DENY, null, null, status, message);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("version", 1).put("action", action.name().toLowerCase());
    if (body != null) {
      json.put("body", body);
    }
    if (headers != null) {
      json.put("headers", headers);
    }
    if (action == Action.DENY) {
      json.put("status", status).put("message", message);
    }
    return json;
  }

  /** Throws {@link IllegalArgumentException} for an answer the gateway cannot act on. */
  public static InterceptDecision fromJson(JsonObject json) {
    if (json == null) {
      throw new IllegalArgumentException("the reply must be a JSON object");
    }
    String action = json.getString("action", "allow");
    return switch (action) {
      case "allow" -> allow();
      case "modify" -> new InterceptDecision(Action.MODIFY, json.getJsonObject("body"), json.getJsonObject("headers"),
          0, null);
      case "deny" -> deny(json.getInteger("status", 403), json.getString("message", "Denied by a gateway plugin."));
      default -> throw new IllegalArgumentException("unknown action '" + action + "' (allow, modify or deny)");
    };
  }
}
