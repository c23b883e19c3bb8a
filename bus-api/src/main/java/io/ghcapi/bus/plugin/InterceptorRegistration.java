package io.ghcapi.bus.plugin;

import io.ghcapi.bus.Addresses;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A plugin's declaration that it intercepts requests. Sent as a request to {@link Addresses#PLUGIN_REGISTER}
 * on the plugin's own node; the gateway then calls {@link #address()} before each matching upstream call.
 *
 * @param name unique on the node: lower-case letters, digits, {@code .}, {@code _}, {@code -}, at most 64
 * @param order interceptors run in ascending order (ties by name); each sees the previous one's changes
 * @param includeBody whether the request body is sent along (it costs a copy of the body per call)
 * @param endpoints client endpoints to intercept ({@link io.ghcapi.bus.Endpoints}); empty = all
 */
public record InterceptorRegistration(String name, int order, boolean includeBody, List<String> endpoints) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9._-]{1,64}");

  public InterceptorRegistration {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("interceptor name must match " + NAME.pattern() + ", got '" + name + "'");
    }
    endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
  }

  /** The address the gateway sends {@link InterceptedRequest}s to for this interceptor. */
  public String address() {
    return Addresses.PLUGIN_REQUEST_INTERCEPT_PREFIX + name;
  }

  public boolean covers(String endpoint) {
    return endpoints.isEmpty() || endpoints.contains(endpoint);
  }

  public JsonObject toJson() {
    return new JsonObject().put("version", 1).put("name", name).put("order", order).put("include_body", includeBody)
        .put("endpoints", new JsonArray(endpoints));
  }

  /** Throws {@link IllegalArgumentException} with a readable reason for a malformed registration. */
  public static InterceptorRegistration fromJson(JsonObject json) {
    if (json == null) {
      throw new IllegalArgumentException("registration must be a JSON object");
    }
    JsonArray endpoints = json.getJsonArray("endpoints", new JsonArray());
    List<String> list = endpoints.stream().map(String::valueOf).toList();
    return new InterceptorRegistration(json.getString("name"), json.getInteger("order", 100),
        json.getBoolean("include_body", false), list);
  }
}
