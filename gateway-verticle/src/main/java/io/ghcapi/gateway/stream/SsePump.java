package io.ghcapi.gateway.stream;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;

/**
 * Moves a paused upstream SSE response to the client event by event through an {@link SseRelay}, with
 * back-pressure both ways: when the client's write queue is full the upstream is paused until it drains,
 * so nothing is buffered beyond one upstream chunk and one event.
 */
public final class SsePump {

  private final HttpClientResponse upstream;
  private final SseSink sink;
  private final SseRelay relay;
  private final SseEventParser parser;
  private final Promise<StreamOutcome> outcome = Promise.promise();

  private SsePump(HttpClientResponse upstream, SseSink sink, SseRelay relay, int maxEventBytes) {
    this.upstream = upstream;
    this.sink = sink;
    this.relay = relay;
    this.parser = new SseEventParser(maxEventBytes, this::relayEvent);
  }

  public static Future<StreamOutcome> run(HttpClientResponse upstream, SseSink sink, SseRelay relay, int maxEventBytes) {
    SsePump pump = new SsePump(upstream, sink, relay, maxEventBytes);
    pump.start();
    return pump.outcome.future();
  }

  private void start() {
    sink.commit();
    upstream.handler(this::onChunk);
    upstream.exceptionHandler(this::onFailure);
    upstream.endHandler(v -> onEnd());
    upstream.resume();
  }

  private void onChunk(Buffer chunk) {
    if (outcome.future().isComplete()) {
      return;
    }
    if (sink.closed()) {
      clientGone();
      return;
    }
    try {
      parser.feed(chunk);
    } catch (RuntimeException e) {
      onFailure(e);
      return;
    }
    if (sink.writeQueueFull()) {
      upstream.pause();
      sink.drainHandler(v -> upstream.resume());
    }
  }

  private void relayEvent(SseEvent event) {
    sink.write(relay.onEvent(event));
  }

  private void onEnd() {
    if (outcome.future().isComplete()) {
      return;
    }
    if (sink.closed()) {
      clientGone();
      return;
    }
    parser.finish();
    sink.end(relay.onUpstreamEnd());
    outcome.tryComplete(StreamOutcome.COMPLETED);
  }

  private void onFailure(Throwable cause) {
    if (outcome.future().isComplete()) {
      return;
    }
    if (sink.closed()) {
      clientGone();
      return;
    }
    upstream.handler(null);
    upstream.request().reset();
    sink.end(relay.onUpstreamFailure(cause));
    outcome.tryComplete(StreamOutcome.UPSTREAM_FAILED);
  }

  private void clientGone() {
    sink.stopKeepalive();
    upstream.request().reset();
    outcome.tryComplete(StreamOutcome.CLIENT_GONE);
  }
}
