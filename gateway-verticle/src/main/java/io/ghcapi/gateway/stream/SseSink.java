package io.ghcapi.gateway.stream;

import io.ghcapi.gateway.util.Counters;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/**
 * The client side of a server-sent-event stream: commits the SSE headers, counts bytes, and sends a
 * {@code : keepalive} comment whenever nothing else was written for a keepalive interval, so proxies and
 * clients do not drop a stream while the model thinks.
 */
public final class SseSink {

  private static final Buffer KEEPALIVE = Buffer.buffer(": keepalive\n\n");

  private final Vertx vertx;
  private final HttpServerResponse response;
  private final long keepaliveMillis;
  private final Counters counters;
  private long keepaliveTimer = -1;
  private long lastWriteNanos = System.nanoTime();
  private long bytesWritten;
  private boolean committed;
  private boolean ended;

  public SseSink(Vertx vertx, HttpServerResponse response, long keepaliveMillis, Counters counters) {
    this.vertx = vertx;
    this.response = response;
    this.keepaliveMillis = keepaliveMillis;
    this.counters = counters;
  }

  public boolean committed() {
    return committed;
  }

  /** True when nothing more can be written: ended by us, or the client went away. */
  public boolean closed() {
    return ended || response.closed();
  }

  /** Sends status 200 and the SSE headers; starts keepalives. Idempotent. */
  public void commit() {
    if (committed || closed()) {
      return;
    }
    committed = true;
    response.setStatusCode(200)
        .setChunked(true)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
        .putHeader("X-Accel-Buffering", "no");
    response.writeHead();
    if (keepaliveMillis > 0) {
      keepaliveTimer = vertx.setPeriodic(keepaliveMillis, id -> keepaliveIfIdle());
    }
  }

  public void write(Buffer data) {
    if (data == null || data.length() == 0 || closed()) {
      return;
    }
    commit();
    bytesWritten += data.length();
    lastWriteNanos = System.nanoTime();
    response.write(data);
  }

  public boolean writeQueueFull() {
    return !closed() && response.writeQueueFull();
  }

  public void drainHandler(Handler<Void> handler) {
    response.drainHandler(handler);
  }

  /** Writes the last bytes (if any) and ends the response. */
  public void end(Buffer last) {
    stopKeepalive();
    if (closed()) {
      ended = true;
      return;
    }
    commit();
    if (last != null && last.length() > 0) {
      bytesWritten += last.length();
      response.end(last);
    } else {
      response.end();
    }
    ended = true;
  }

  /** Stops keepalives without ending (the client went away). */
  public void stopKeepalive() {
    if (keepaliveTimer >= 0) {
      vertx.cancelTimer(keepaliveTimer);
      keepaliveTimer = -1;
    }
  }

  public long bytesWritten() {
    return bytesWritten;
  }

  private void keepaliveIfIdle() {
    if (closed()) {
      stopKeepalive();
      return;
    }
    long idleMillis = (System.nanoTime() - lastWriteNanos) / 1_000_000;
    if (idleMillis >= keepaliveMillis * 9 / 10 && !response.writeQueueFull()) {
      lastWriteNanos = System.nanoTime();
      counters.increment(Counters.KEEPALIVE_SENT);
      response.write(KEEPALIVE.copy());
    }
  }
}
