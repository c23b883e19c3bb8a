package io.ghcapi.simulator.control;

import io.ghcapi.simulator.Fault;
import io.ghcapi.simulator.Faults;
import io.ghcapi.simulator.RecordedRequest;
import io.ghcapi.simulator.RecordedRequests;
import io.ghcapi.simulator.SimulatorStats;
import io.ghcapi.simulator.github.IssuedTokens;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;

/** The {@code /_sim/*} endpoints: inspect and steer a running simulator over HTTP. Never faulted, no auth. */
public final class ControlHandlers {

  private final Faults faults;
  private final RecordedRequests received;
  private final SimulatorStats stats;
  private final IssuedTokens tokens;

  public ControlHandlers(Faults faults, RecordedRequests received, SimulatorStats stats, IssuedTokens tokens) {
    this.faults = faults;
    this.received = received;
    this.stats = stats;
    this.tokens = tokens;
  }

  public void mount(Router router, String prefix) {
    router.get(prefix + "health").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "ok")));
    router.get(prefix + "requests").handler(this::listRequests);
    router.delete(prefix + "requests").handler(ctx -> {
      received.clear();
      ctx.response().setStatusCode(204).end();
    });
    router.get(prefix + "faults").handler(this::listFaults);
    router.post(prefix + "faults").handler(this::injectFault);
    router.delete(prefix + "faults").handler(ctx -> {
      faults.clear();
      ctx.response().setStatusCode(204).end();
    });
    router.get(prefix + "stats").handler(ctx -> json(ctx, 200, stats.toJson()));
    router.delete(prefix + "stats").handler(ctx -> {
      stats.reset();
      ctx.response().setStatusCode(204).end();
    });
    router.post(prefix + "tokens/expire").handler(ctx ->
        json(ctx, 200, new JsonObject().put("expired", tokens.expireAll())));
  }

  private void listRequests(RoutingContext ctx) {
    String path = ctx.request().getParam("path");
    List<RecordedRequest> requests = path == null ? received.all() : received.forPath(path);
    JsonArray list = new JsonArray();
    for (RecordedRequest request : requests) {
      list.add(new JsonObject()
          .put("method", request.method())
          .put("path", request.path())
          .put("query", request.query())
          .put("headers", new JsonObject(new LinkedHashMap<>(request.headers())))
          .put("body", request.body())
          .put("receivedAtMillis", request.receivedAtMillis()));
    }
    json(ctx, 200, new JsonObject().put("count", list.size()).put("requests", list));
  }

  private void listFaults(RoutingContext ctx) {
    JsonArray list = new JsonArray();
    faults.pending().forEach(fault -> list.add(FaultJson.toJson(fault)));
    json(ctx, 200, new JsonObject().put("faults", list));
  }

  private void injectFault(RoutingContext ctx) {
    Fault fault;
    try {
      Buffer raw = ctx.body().buffer();
      Object body = raw == null || raw.length() == 0 ? null : Json.decodeValue(raw);
      if (!(body instanceof JsonObject json)) {
        throw new IllegalArgumentException("the body must be a JSON object");
      }
      fault = FaultJson.parse(json);
      faults.inject(fault);
    } catch (DecodeException | IllegalArgumentException | IllegalStateException e) {
      json(ctx, 400, new JsonObject().put("error", new JsonObject().put("message", String.valueOf(e.getMessage()))));
      return;
    }
    json(ctx, 201, new JsonObject().put("injected", FaultJson.toJson(fault)));
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body.toBuffer());
  }
}
