package io.ghcapi.simulator.http;

import io.ghcapi.simulator.Fault;
import io.ghcapi.simulator.FaultKind;
import io.ghcapi.simulator.faults.FaultQueue;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * The first handler of every faultable route: sets the route's error dialect, takes the matching fault
 * (if any), holds the answer back for the first-byte delay, then either fails the request or lets it through.
 */
public final class FaultGate implements Handler<RoutingContext> {

  private final Vertx vertx;
  private final FaultQueue faults;
  private final ErrorDialect dialect;
  private final boolean dataPlane;
  private final long firstByteDelayMs;

  public FaultGate(Vertx vertx, FaultQueue faults, ErrorDialect dialect, boolean dataPlane, long firstByteDelayMs) {
    this.vertx = vertx;
    this.faults = faults;
    this.dialect = dialect;
    this.dataPlane = dataPlane;
    this.firstByteDelayMs = firstByteDelayMs;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Exchange.setDialect(ctx, dialect);
    Fault fault = faults.take(ctx.request().path(), dataPlane);
    long delayMs = firstByteDelayMs;
    if (fault != null && fault.kind() == FaultKind.SLOW_FIRST_BYTE) {
      delayMs += fault.delayMs();
    }
    if (delayMs == 0) {
      apply(ctx, fault);
    } else {
      vertx.setTimer(delayMs, ignored -> {
        if (!ctx.response().closed()) {
          apply(ctx, fault);
        }
      });
    }
  }

  private void apply(RoutingContext ctx, Fault fault) {
    if (fault == null) {
      ctx.next();
      return;
    }
    switch (fault.kind()) {
      case UNAUTHORIZED -> Replies.error(ctx, dialect == ErrorDialect.GITHUB ? ApiError.badCredentials() : ApiError.invalidToken());
      case RATE_LIMITED -> Replies.error(ctx, ApiError.rateLimited(fault.retryAfterSeconds()));
      case SERVER_ERROR -> Replies.error(ctx, ApiError.internalError());
      case RESET_BEFORE_RESPONSE -> ConnectionReset.drop(ctx);
      case RESET_MID_STREAM -> {
        Exchange.armReset(ctx, fault.afterChunks());
        ctx.next();
      }
      case SLOW_FIRST_BYTE -> ctx.next();
    }
  }
}
