package io.ghcapi.gateway.admin;

import io.ghcapi.bus.Addresses;
import io.ghcapi.bus.Redaction;
import io.ghcapi.gateway.config.ConfigException;
import io.ghcapi.gateway.config.RuntimeConfig;
import io.ghcapi.gateway.http.ApiError;
import io.ghcapi.gateway.http.ErrorShape;
import io.ghcapi.gateway.http.JsonBodies;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET/POST /api/runtime-config}: the settings that can change without a restart. A POST is validated
 * whole (all keys apply or none), applied here, and published on {@code ghc.config.changed} so every
 * verticle on every node applies it too. Nothing is written to {@code config.yaml}.
 */
final class RuntimeConfigApi {

  private static final long MAX_BODY = 1 << 20;

  private final RuntimeConfig runtime;
  private final EventBus bus;
  private final JsonBodies json;

  RuntimeConfigApi(RuntimeConfig runtime, EventBus bus, JsonBodies json) {
    this.runtime = runtime;
    this.bus = bus;
    this.json = json;
  }

  void register(Router router) {
    router.get("/api/runtime-config").handler(ctx -> ctx.json(view()));
    router.post("/api/runtime-config").handler(this::update);
  }

  private void update(RoutingContext ctx) {
    io.ghcapi.gateway.http.BoundedBody.read(ctx.request(), MAX_BODY).onComplete(read -> {
      if (read.failed()) {
        ErrorShape.OPENAI.send(ctx.response(), ApiError.of(413, "request_too_large", read.cause().getMessage()));
        return;
      }
      JsonObject changes;
      try {
        changes = json.parseObject(read.result());
        runtime.update(changes);
      } catch (ConfigException e) {
        ErrorShape.OPENAI.send(ctx.response(), ApiError.of(400, "invalid_config", e.getMessage()).withParam(e.key()));
        return;
      } catch (RuntimeException e) {
        ErrorShape.OPENAI.send(ctx.response(), ApiError.of(400, "invalid_json", e.getMessage()));
        return;
      }
      bus.publish(Addresses.CONFIG_CHANGED, new JsonObject().put("version", 1).put("changes", changes));
      ctx.json(new JsonObject().put("message", "Runtime configuration updated. This does not modify config.yaml.")
          .put("config", view()));
    });
  }

  private JsonObject view() {
    JsonObject view = runtime.runtimeView();
    for (String key : view.fieldNames()) {
      if (Redaction.isSecretName(key) && view.getValue(key) instanceof String value) {
        view.put(key, Redaction.redactValue(value));
      }
    }
    return view;
  }
}
