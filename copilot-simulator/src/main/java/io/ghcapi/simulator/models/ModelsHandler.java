package io.ghcapi.simulator.models;

import io.ghcapi.simulator.http.Exchange;
import io.ghcapi.simulator.http.ConnectionReset;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /models}. */
public final class ModelsHandler implements Handler<RoutingContext> {

  private final ModelCatalog catalog;

  public ModelsHandler(ModelCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (Exchange.armedReset(ctx) >= 0) {
      ConnectionReset.drop(ctx);
      return;
    }
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(catalog.listBody().slice());
  }
}
