package io.ghcapi.bus;

import io.vertx.core.json.JsonObject;

/**
 * An admin HTTP call that the gateway relays to a verticle that owns part of the admin API (sync, agents,
 * a plugin's pages). The gateway has already checked admin access (host, origin, admin token); the
 * receiving verticle only implements the route.
 *
 * <p>Request payload: {@code {version, method, path, query: {name: value}, body: <JSON or null>, stream_to}}.
 * {@code path} is the full request path (e.g. {@code /api/agent/sessions/abc/prompt}); {@code query} holds the
 * first value of each query parameter.
 *
 * <p>Reply, one of:
 * <ul>
 *   <li>{@link #reply(int, Object)}: {@code {status, body}}, answered as JSON with that status;</li>
 *   <li>{@link #streaming()}: {@code {stream: true}}; the gateway answers with server-sent events and the
 *       verticle sends {@link #event(String, Object)} messages to {@code stream_to}, ending with
 *       {@link #end()}. The gateway writes a keepalive comment every 15 s while the stream is quiet and
 *       publishes {@code {}} to {@code stream_to + ".closed"} when the HTTP client goes away;</li>
 *   <li>a failure with a {@link BusErrorCode} code, answered as an error with that HTTP status and the
 *       failure message.</li>
 * </ul>
 */
public record AdminCall(String method, String path, JsonObject query, Object body, String streamTo) {

  public static final int VERSION = 1;

  public static AdminCall fromJson(JsonObject json) {
    return new AdminCall(json.getString("method", "GET"), json.getString("path", "/"),
        json.getJsonObject("query", new JsonObject()), json.getValue("body"), json.getString("stream_to"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("version", VERSION).put("method", method).put("path", path)
        .put("query", query == null ? new JsonObject() : query).put("body", body).put("stream_to", streamTo);
  }

  /** The JSON object body, or an empty object when the call had none. */
  public JsonObject bodyObject() {
    return body instanceof JsonObject object ? object : new JsonObject();
  }

  /** A query parameter, or the fallback. */
  public String param(String name, String fallback) {
    return query == null ? fallback : query.getString(name, fallback);
  }

  public static JsonObject reply(int status, Object body) {
    return new JsonObject().put("status", status).put("body", body);
  }

  public static JsonObject ok(Object body) {
    return reply(200, body);
  }

  public static JsonObject streaming() {
    return new JsonObject().put("stream", true);
  }

  /** One server-sent event for {@code stream_to}. */
  public static JsonObject event(String name, Object data) {
    return new JsonObject().put("event", name).put("data", data);
  }

  /** The last message for {@code stream_to}: the gateway ends the HTTP response. */
  public static JsonObject end() {
    return new JsonObject().put("end", true);
  }
}
