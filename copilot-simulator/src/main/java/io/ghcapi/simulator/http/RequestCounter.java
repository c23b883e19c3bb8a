package io.ghcapi.simulator.http;

import io.ghcapi.simulator.recording.Counters;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Counts data-plane requests per route path, rejected ones included. */
public final class RequestCounter implements Handler<RoutingContext> {

  private final Counters counters;
  private final String routePath;

  public RequestCounter(Counters counters, String routePath) {
    this.counters = counters;
    this.routePath = routePath;
  }

  @Override
  public void handle(RoutingContext ctx) {
    counters.requestSeen(routePath);
    ctx.next();
  }
}
