package io.ghcapi.simulator.http;

import io.vertx.ext.web.RoutingContext;

/** Per-request state shared by the handlers of one route, kept in the routing context. */
public final class Exchange {

  private static final String DIALECT = "sim.errorDialect";
  private static final String RESET_AFTER_EVENTS = "sim.resetAfterEvents";

  private Exchange() {
  }

  public static void setDialect(RoutingContext ctx, ErrorDialect dialect) {
    ctx.put(DIALECT, dialect);
  }

  public static ErrorDialect dialect(RoutingContext ctx) {
    return ctx.get(DIALECT, ErrorDialect.OPENAI);
  }

  /** Arms a mid-stream reset: a stream stops after this many events, any other answer is not sent at all. */
  public static void armReset(RoutingContext ctx, int afterEvents) {
    ctx.put(RESET_AFTER_EVENTS, afterEvents);
  }

  /** The armed reset's event count, or -1 when none is armed. */
  public static int armedReset(RoutingContext ctx) {
    Integer afterEvents = ctx.get(RESET_AFTER_EVENTS);
    return afterEvents == null ? -1 : afterEvents;
  }
}
