package io.ghcapi.gateway.admin;

import io.ghcapi.bus.AdminCall;
import io.ghcapi.bus.BusErrorCode;
import io.ghcapi.gateway.http.ApiError;
import io.ghcapi.gateway.http.BodyTooLargeException;
import io.ghcapi.gateway.http.BoundedBody;
import io.ghcapi.gateway.http.ErrorShape;
import io.ghcapi.gateway.http.JsonBodies;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/**
 * Relays the admin routes that another verticle owns (agents, sync and tools) over the event bus as
 * {@link AdminCall}s, after {@link AdminAccess} has let the call in. A reply becomes a JSON answer, a
 * failure an error with its status, and a streaming reply a server-sent-event stream.
 */
final class ExtensionRelay implements Handler<RoutingContext> {

  static final long KEEPALIVE_MILLIS = 15_000;
  /** A browser that does not read its stream must not make this gateway buffer without bound. */
  static final int MAX_QUEUED_BYTES = 4 * 1024 * 1024;
  static final long MAX_BODY_BYTES = 8L * 1024 * 1024;

  private final Vertx vertx;
  private final String address;
  private final String serviceName;
  private final JsonBodies bodies;
  private final DeliveryOptions options;

  /**
   * @param serviceName what the owner is called in errors ("the agents service")
   * @param replyTimeoutMillis how long a non-streaming call may take (installs take minutes)
   */
  ExtensionRelay(Vertx vertx, String address, String serviceName, JsonBodies bodies, long replyTimeoutMillis) {
    this.vertx = vertx;
    this.address = address;
    this.serviceName = serviceName;
    this.bodies = bodies;
    this.options = new DeliveryOptions().setSendTimeout(replyTimeoutMillis).setLocalOnly(true);
  }

  @Override
  public void handle(RoutingContext ctx) {
    BoundedBody.read(ctx.request(), MAX_BODY_BYTES).onComplete(read -> {
      if (read.succeeded()) {
        relay(ctx, read.result());
      } else if (read.cause() instanceof BodyTooLargeException) {
        ErrorShape.OPENAI.send(ctx.response(), ApiError.of(413, "body_too_large",
            "Admin request bodies are limited to " + MAX_BODY_BYTES / (1024 * 1024) + " MiB."));
      } else {
        ctx.fail(read.cause());
      }
    });
  }

  private void relay(RoutingContext ctx, Buffer raw) {
    Object body;
    try {
      body = raw.length() == 0 ? null : bodies.parseObject(raw);
    } catch (RuntimeException bad) {
      ErrorShape.OPENAI.send(ctx.response(), ApiError.of(400, "invalid_json", String.valueOf(bad.getMessage())));
      return;
    }
    JsonObject query = new JsonObject();
    ctx.queryParams().names().forEach(name -> query.put(name, ctx.queryParams().get(name)));
    String streamTo = "ghc.admin.stream." + UUID.randomUUID();
    // Registered (and paused, so early events wait) before the call goes out.
    MessageConsumer<JsonObject> stream = vertx.eventBus().<JsonObject>localConsumer(streamTo, early -> {
    });
    stream.pause();
    AdminCall call = new AdminCall(ctx.request().method().name(), ctx.request().path(), query, body, streamTo);
    vertx.eventBus().<JsonObject>request(address, call.toJson(), options).onComplete(result -> {
      if (result.failed()) {
        stream.unregister();
        ErrorShape.OPENAI.send(ctx.response(), toApiError(result.cause()));
      } else if (result.result().body().getBoolean("stream", false)) {
        streamEvents(ctx.response(), stream, streamTo);
      } else {
        stream.unregister();
        JsonObject reply = result.result().body();
        ctx.response().setStatusCode(reply.getInteger("status", 200))
            .putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
            .end(Json.encode(reply.getValue("body")));
      }
    });
  }

  private void streamEvents(HttpServerResponse response, MessageConsumer<JsonObject> stream, String streamTo) {
    response.setWriteQueueMaxSize(MAX_QUEUED_BYTES).setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-cache").putHeader("X-Accel-Buffering", "no");
    response.write(": stream\n\n");
    long[] lastWrite = {System.nanoTime()};
    long keepalive = vertx.setPeriodic(KEEPALIVE_MILLIS, id -> {
      if (System.nanoTime() - lastWrite[0] >= KEEPALIVE_MILLIS * 500_000L && !response.ended()) {
        response.write(": keepalive\n\n");
      }
    });
    Runnable close = () -> {
      vertx.cancelTimer(keepalive);
      stream.unregister();
    };
    response.closeHandler(v -> {
      close.run();
      vertx.eventBus().publish(streamTo + ".closed", new JsonObject());
    });
    stream.handler(message -> forward(message, response, lastWrite, close));
    stream.resume();
  }

  private static void forward(Message<JsonObject> message, HttpServerResponse response, long[] lastWrite,
      Runnable close) {
    if (response.ended() || response.closed()) {
      return;
    }
    JsonObject event = message.body();
    if (event.containsKey("event")) {
      String data = Json.encode(event.getValue("data"));
      if (response.writeQueueFull()) {
        close.run();
        response.reset();
        return;
      }
      response.write("event: " + event.getString("event") + "\ndata: " + data + "\n\n");
      lastWrite[0] = System.nanoTime();
    }
    if (event.getBoolean("end", false)) {
      close.run();
      response.end();
    }
  }

  private ApiError toApiError(Throwable cause) {
    if (cause instanceof ReplyException reply) {
      if (reply.failureType() == ReplyFailure.NO_HANDLERS) {
        return ApiError.of(503, "service_unavailable", "The " + serviceName + " is not running on this node.");
      }
      if (reply.failureType() == ReplyFailure.TIMEOUT) {
        return ApiError.of(504, "service_timeout", "The " + serviceName + " did not answer in time.");
      }
      BusErrorCode code = BusErrorCode.fromCode(reply.failureCode());
      return ApiError.of(code.code(), code.name().toLowerCase(), reply.getMessage());
    }
    return ApiError.of(500, "internal_error", String.valueOf(cause.getMessage()));
  }
}
