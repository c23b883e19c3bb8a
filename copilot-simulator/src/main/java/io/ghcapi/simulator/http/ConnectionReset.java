package io.ghcapi.simulator.http;

import io.vertx.ext.web.RoutingContext;

/** Drops a client connection the way a failing upstream or a broken network would. */
public final class ConnectionReset {

  private ConnectionReset() {
  }

  public static void drop(RoutingContext ctx) {
    ctx.request().connection().close();
  }
}
