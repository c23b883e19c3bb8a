package io.ghcapi.simulator.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes complete (non-streamed) answers, honouring an armed reset. */
public final class Replies {

  private static final String JSON = "application/json";

  private Replies() {
  }

  public static void json(RoutingContext ctx, int status, JsonObject body) {
    if (Exchange.armedReset(ctx) >= 0) {
      ConnectionReset.drop(ctx);
      return;
    }
    ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(body.toBuffer());
  }

  /** Answers with the error in the route's dialect. */
  public static void error(RoutingContext ctx, ApiError error) {
    error(ctx, error, Exchange.dialect(ctx));
  }

  public static void error(RoutingContext ctx, ApiError error, ErrorDialect dialect) {
    if (Exchange.armedReset(ctx) >= 0) {
      ConnectionReset.drop(ctx);
      return;
    }
    HttpServerResponse response = ctx.response().setStatusCode(error.status()).putHeader(HttpHeaders.CONTENT_TYPE, JSON);
    if (error.retryAfterSeconds() > 0) {
      response.putHeader("retry-after", Integer.toString(error.retryAfterSeconds()));
    }
    response.end(error.body(dialect).toBuffer());
  }
}
