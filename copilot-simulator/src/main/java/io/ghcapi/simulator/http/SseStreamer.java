package io.ghcapi.simulator.http;

import io.ghcapi.simulator.recording.Counters;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Writes a prepared list of server-sent events, one HTTP chunk each, pausing between them if configured.
 * It respects back-pressure, stops as soon as the client goes away, and honours an armed mid-stream reset.
 */
public final class SseStreamer {

  private final Vertx vertx;
  private final Counters counters;
  private final long eventDelayMs;

  public SseStreamer(Vertx vertx, Counters counters, long eventDelayMs) {
    this.vertx = vertx;
    this.counters = counters;
    this.eventDelayMs = eventDelayMs;
  }

  /** Streams {@code events}; the last one ends the response. */
  public void stream(RoutingContext ctx, List<String> events) {
    HttpServerResponse response = ctx.response()
        .setStatusCode(200)
        .setChunked(true)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
    int armedReset = Exchange.armedReset(ctx);
    // A reset stream never reaches its final event, so the client cannot mistake it for a finished one.
    int resetAt = armedReset < 0 ? -1 : Math.min(armedReset, events.size() - 1);
    new Run(ctx, response, events, resetAt).start();
  }

  private final class Run {
    private final RoutingContext ctx;
    private final HttpServerResponse response;
    private final List<String> events;
    private final int resetAt;
    private int next;
    private boolean finished;

    Run(RoutingContext ctx, HttpServerResponse response, List<String> events, int resetAt) {
      this.ctx = ctx;
      this.response = response;
      this.events = events;
      this.resetAt = resetAt;
    }

    void start() {
      counters.streamStarted();
      response.closeHandler(ignored -> clientWentAway());
      response.writeHead();
      pump();
    }

    private void pump() {
      while (!finished) {
        if (response.closed()) {
          clientWentAway();
          return;
        }
        if (next == resetAt) {
          finished = true;
          counters.streamReset();
          ConnectionReset.drop(ctx);
          return;
        }
        String event = events.get(next++);
        if (next == events.size()) {
          finished = true;
          response.end(event);
          counters.streamCompleted();
          return;
        }
        response.write(event);
        if (response.writeQueueFull()) {
          response.drainHandler(ignored -> continueAfterPause());
          return;
        }
        if (eventDelayMs > 0) {
          vertx.setTimer(eventDelayMs, ignored -> pump());
          return;
        }
      }
    }

    private void continueAfterPause() {
      response.drainHandler(null);
      if (eventDelayMs > 0) {
        vertx.setTimer(eventDelayMs, ignored -> pump());
      } else {
        pump();
      }
    }

    private void clientWentAway() {
      if (!finished) {
        finished = true;
        counters.streamCancelled();
      }
    }
  }
}
