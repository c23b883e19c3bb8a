package io.ghcapi.gateway.admin;

import io.ghcapi.bus.Addresses;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code GET /api/events}: a server-sent-event feed for the dashboard: {@code history} events as entries
 * appear and change, {@code config} events when runtime settings change, and a keepalive comment every
 * 15 seconds. A browser too slow to read loses events (counted) rather than making the server buffer them;
 * the dashboard refetches what it shows on reconnect.
 */
final class EventsFeed implements Handler<RoutingContext> {

  private static final long KEEPALIVE_MILLIS = 15_000;
  private static final int MAX_SUBSCRIBERS = 256;

  private final Vertx vertx;
  private final Set<HttpServerResponse> subscribers = ConcurrentHashMap.newKeySet();
  private final LongAdder dropped = new LongAdder();

  EventsFeed(Vertx vertx) {
    this.vertx = vertx;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (subscribers.size() >= MAX_SUBSCRIBERS) {
      ctx.response().setStatusCode(503).end("Too many event subscribers");
      return;
    }
    HttpServerResponse response = ctx.response().setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .putHeader("X-Accel-Buffering", "no");
    response.write(": connected\n\n");
    subscribers.add(response);
    MessageConsumer<JsonObject> history = vertx.eventBus().consumer(Addresses.HISTORY_CHANGED,
        message -> send(response, "history", message.body()));
    MessageConsumer<JsonObject> config = vertx.eventBus().consumer(Addresses.CONFIG_CHANGED,
        message -> send(response, "config", message.body()));
    long keepalive = vertx.setPeriodic(KEEPALIVE_MILLIS, id -> {
      if (!response.writeQueueFull()) {
        response.write(": keepalive\n\n");
      }
    });
    response.closeHandler(v -> {
      subscribers.remove(response);
      history.unregister();
      config.unregister();
      vertx.cancelTimer(keepalive);
    });
  }

  private void send(HttpServerResponse response, String event, JsonObject data) {
    if (response.closed()) {
      return;
    }
    if (response.writeQueueFull()) {
      dropped.increment();
      return;
    }
    response.write(Buffer.buffer("event: " + event + "\ndata: ").appendBuffer(data.toBuffer()).appendString("\n\n"));
  }

  long droppedEvents() {
    return dropped.sum();
  }
}
