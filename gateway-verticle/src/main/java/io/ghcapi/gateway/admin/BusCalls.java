package io.ghcapi.gateway.admin;

import io.ghcapi.bus.BusErrorCode;
import io.ghcapi.gateway.http.ApiError;
import io.ghcapi.gateway.http.ErrorShape;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Calls a request/reply address for an admin route and answers the HTTP request with the reply or the failure. */
final class BusCalls {

  private static final DeliveryOptions OPTIONS = new DeliveryOptions().setSendTimeout(30_000);

  private final EventBus bus;

  BusCalls(EventBus bus) {
    this.bus = bus;
  }

  Future<JsonObject> request(String address, JsonObject body) {
    return bus.<JsonObject>request(address, body, OPTIONS).map(message -> message.body());
  }

  /** Answers with the reply as JSON, or with the failure as an HTTP error. */
  void answer(RoutingContext ctx, String address, JsonObject body) {
    request(address, body).onComplete(result -> {
      if (result.succeeded()) {
        ctx.json(result.result());
      } else {
        fail(ctx, result.cause());
      }
    });
  }

  static void fail(RoutingContext ctx, Throwable cause) {
    ErrorShape.OPENAI.send(ctx.response(), toApiError(cause));
  }

  static ApiError toApiError(Throwable cause) {
    if (cause instanceof ReplyException reply) {
      if (reply.failureType() == ReplyFailure.NO_HANDLERS) {
        return ApiError.of(503, "history_unavailable", "The request history is not running on this node.");
      }
      if (reply.failureType() == ReplyFailure.TIMEOUT) {
        return ApiError.of(504, "history_timeout", "The request history did not answer in time.");
      }
      BusErrorCode code = BusErrorCode.fromCode(reply.failureCode());
      return ApiError.of(code.code(), code.name().toLowerCase(), reply.getMessage());
    }
    return ApiError.of(500, "internal_error", String.valueOf(cause.getMessage()));
  }
}
