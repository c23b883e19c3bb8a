package io.ghcapi.gateway.upstream;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;

/**
 * Lets a client that went away stop its upstream call at once: resets the request in flight and cancels a
 * pending retry. Used on the exchange's own event loop only.
 */
public final class UpstreamCancellation {

  private final Vertx vertx;
  private boolean cancelled;
  private HttpClientRequest inFlight;
  private long retryTimer = -1;

  public UpstreamCancellation(Vertx vertx) {
    this.vertx = vertx;
  }

  public boolean cancelled() {
    return cancelled;
  }

  public void cancel() {
    if (cancelled) {
      return;
    }
    cancelled = true;
    if (inFlight != null) {
      inFlight.reset();
      inFlight = null;
    }
    if (retryTimer >= 0) {
      vertx.cancelTimer(retryTimer);
      retryTimer = -1;
    }
  }

  void attach(HttpClientRequest request) {
    if (cancelled) {
      request.reset();
    } else {
      inFlight = request;
    }
  }

  void retryTimer(long timerId) {
    retryTimer = timerId;
  }
}
