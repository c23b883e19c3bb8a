package io.ghcapi.bus.plugin;

import io.vertx.core.json.JsonObject;

/**
 * What an interceptor is asked about: a client request that is about to go to Copilot. Sent by the gateway
 * to the interceptor's address as {@code {version, id, endpoint, model, user_id, node_id, stream, headers,
 * body}}; {@code headers} are the client's, with credentials redacted; {@code body} is present only when the
 * interceptor registered with {@code include_body}.
 */
public record InterceptedRequest(String id, String endpoint, String model, String userId, String nodeId,
    boolean stream, JsonObject headers, JsonObject body) {

  public static final int VERSION = 1;

  public JsonObject toJson() {
    return new JsonObject().put("version", VERSION).put("id", id).put("endpoint", endpoint).put("model", model)
        .put("user_id", userId).put("node_id", nodeId).put("stream", stream).put("headers", headers).put("body", body);
  }

  public static InterceptedRequest fromJson(JsonObject json) {
    return new InterceptedRequest(json.getString("id"), json.getString("endpoint"), json.getString("model"),
        json.getString("user_id"), json.getString("node_id"), json.getBoolean("stream", false),
        json.getJsonObject("headers", new JsonObject()), json.getJsonObject("body"));
  }
}
