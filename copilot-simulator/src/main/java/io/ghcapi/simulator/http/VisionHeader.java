package io.ghcapi.simulator.http;

import io.vertx.ext.web.RoutingContext;

/** Copilot serves images only to requests that say so with {@code Copilot-Vision-Request: true}. */
public final class VisionHeader {

  private VisionHeader() {
  }

  public static boolean present(RoutingContext ctx) {
    return "true".equalsIgnoreCase(ctx.request().getHeader("Copilot-Vision-Request"));
  }
}
