package io.ghcapi.gateway.admin;

import io.ghcapi.gateway.GatewayServices;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/** {@code GET /api/plugins}: the plugins of this node with their status, and the request interceptors registered. */
final class PluginsApi {

  private final GatewayServices services;

  PluginsApi(GatewayServices services) {
    this.services = services;
  }

  void register(Router router) {
    router.get("/api/plugins").handler(ctx -> ctx.json(new JsonObject()
        .put("node_id", services.recorder().nodeId())
        .put("plugins", services.plugins().toJson())
        .put("interceptors", services.interceptors().toJson())
        .put("intercept_timeout_ms", services.config().pluginInterceptTimeoutMillis())));
  }
}
