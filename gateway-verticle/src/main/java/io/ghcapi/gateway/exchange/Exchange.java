package io.ghcapi.gateway.exchange;

import io.ghcapi.bus.ExchangeState;
import io.ghcapi.bus.RequestRecord;
import io.ghcapi.gateway.upstream.UpstreamCancellation;
import io.vertx.ext.web.RoutingContext;

/**
 * One client request and its life: the history record being filled in, timing, and the cancellation that
 * stops the upstream call when the client leaves. Confined to the request's event loop.
 */
public final class Exchange {

  private final RoutingContext ctx;
  private final RequestRecord record;
  private final UpstreamCancellation cancellation;
  private final ExchangeRecorder recorder;
  private final long startNanos = System.nanoTime();
  private boolean started;
  private boolean finished;
  private boolean firstByteSeen;

  Exchange(RoutingContext ctx, RequestRecord record, UpstreamCancellation cancellation, ExchangeRecorder recorder) {
    this.ctx = ctx;
    this.record = record;
    this.cancellation = cancellation;
    this.recorder = recorder;
  }

  public String id() {
    return record.id();
  }

  public RoutingContext ctx() {
    return ctx;
  }

  public RequestRecord record() {
    return record;
  }

  public UpstreamCancellation cancellation() {
    return cancellation;
  }

  public boolean clientGone() {
    return cancellation.cancelled();
  }

  public boolean finished() {
    return finished;
  }

  /** The request is understood and about to go upstream: publishes {@code ghc.request.started}. */
  public void sending() {
    record.state(ExchangeState.SENDING);
    started = true;
    recorder.publishStarted(record);
  }

  /** The first byte of the answer reached this gateway. */
  public void receiving() {
    if (!firstByteSeen) {
      firstByteSeen = true;
      record.state(ExchangeState.RECEIVING).firstByteMs(elapsedMillis());
    }
  }

  /**
   * Ends the exchange once: sets the final state from the status and publishes
   * {@code ghc.request.completed}. An exchange refused before it was sent upstream (bad input, say) is
   * published too, so nothing a client tried goes unrecorded.
   */
  public void finish(int status, String error) {
    if (finished) {
      return;
    }
    finished = true;
    record.statusCode(status)
        .state(status < 400 && error == null ? ExchangeState.COMPLETED : ExchangeState.ERROR)
        .durationMillis(elapsedMillis());
    if (error != null) {
      record.error(error);
    }
    if (!started) {
      recorder.publishStarted(record);
    }
    recorder.publishCompleted(record);
  }

  /** The client closed the connection before the answer ended: stop upstream, record 499. */
  void clientClosed() {
    if (finished) {
      return;
    }
    cancellation.cancel();
    recorder.countClientClosed();
    finish(RequestRecord.STATUS_CLIENT_CLOSED, "client closed the connection before the response ended");
  }

  public long elapsedMillis() {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
