package io.ghcapi.gateway.admin;

import io.ghcapi.bus.Addresses;
import io.ghcapi.gateway.GatewayServices;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The request history and statistics over HTTP, in the seed's shapes (§5.3–§5.5): list, full-text search,
 * detail, export and import, served by the cache over the bus. The full-text search takes the listing's
 * filters too, so the dashboard can combine them.
 */
final class HistoryApi {

  private final GatewayServices services;
  private final BusCalls bus;

  HistoryApi(GatewayServices services, BusCalls bus) {
    this.services = services;
    this.bus = bus;
  }

  void register(Router router) {
    router.get("/api/stats").handler(this::stats);
    router.get("/api/requests").handler(ctx -> bus.answer(ctx, Addresses.HISTORY_LIST, query(ctx,
        "page", "per_page", "search", "user", "model", "endpoint", "status", "node", "since", "until")));
    router.get("/api/requests/search").handler(ctx -> bus.answer(ctx, Addresses.HISTORY_SEARCH,
        query(ctx, "q", "page", "per_page", "user", "model", "endpoint", "status", "node", "since", "until")));
    router.get("/api/requests/export").handler(new HistoryExport(bus));
    router.post("/api/requests/import").handler(new HistoryImport(bus));
    router.delete("/api/requests").handler(ctx -> bus.answer(ctx, Addresses.HISTORY_CLEAR, new JsonObject()));
    router.get("/api/request/:id").handler(ctx -> detail(ctx, "full"));
    router.get("/api/request/:id/request-body").handler(ctx -> detail(ctx, "request_body"));
    router.get("/api/request/:id/response-body").handler(ctx -> detail(ctx, "response_body"));
  }

  /** The cache's statistics plus this node's activity counters ("Proxy Activity"). */
  private void stats(RoutingContext ctx) {
    bus.request(Addresses.STATS_GET, query(ctx, "user")).onComplete(result -> {
      if (result.failed()) {
        BusCalls.fail(ctx, result.cause());
        return;
      }
      ctx.json(result.result().copy().put("counters", services.counters().toJson()));
    });
  }

  private void detail(RoutingContext ctx, String part) {
    bus.request(Addresses.HISTORY_GET, new JsonObject().put("id", ctx.pathParam("id")).put("part", part))
        .onComplete(result -> {
          if (result.failed()) {
            BusCalls.fail(ctx, result.cause());
          } else if ("request_body".equals(part)) {
            ctx.json(result.result().getValue("request_body"));
          } else if ("response_body".equals(part) && result.result().containsKey("response_body")) {
            ctx.json(result.result().getValue("response_body"));
          } else {
            ctx.json(result.result());
          }
        });
  }

  /** Query parameters as a bus request: numbers as numbers, the rest as text. */
  static JsonObject query(RoutingContext ctx, String... names) {
    MultiMap params = ctx.queryParams();
    JsonObject body = new JsonObject();
    for (String name : names) {
      String value = params.get(name);
      if (value == null) {
        continue;
      }
      body.put(name, value.matches("-?\\d{1,15}") ? (Object) Long.parseLong(value) : value);
    }
    return body;
  }
}
