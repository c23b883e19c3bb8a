package io.ghcapi.gateway.exchange;

import io.ghcapi.gateway.GatewayServices;
import io.ghcapi.gateway.http.ApiError;
import io.ghcapi.gateway.stream.RecordingRelay;
import io.ghcapi.gateway.stream.SsePump;
import io.ghcapi.gateway.stream.SseSink;
import io.ghcapi.gateway.stream.StreamOutcome;
import io.ghcapi.gateway.upstream.UpstreamResponse;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.function.Supplier;

/**
 * Relays a streamed answer, whatever the client API: waits briefly for Copilot's headers so an early error
 * keeps its real HTTP status; past that grace the SSE response is committed and kept alive, and a late
 * error arrives as an error event in the client's shape. Then pumps the stream through the relay and
 * finishes the exchange with what the relay recorded.
 */
public final class StreamingAnswer {

  static final int MAX_EVENT_BYTES = 8 << 20;

  private final GatewayServices services;
  private final ClientEndpoint endpoint;

  public StreamingAnswer(GatewayServices services, ClientEndpoint endpoint) {
    this.services = services;
    this.endpoint = endpoint;
  }

  /**
   * @param answer the upstream call in flight
   * @param relayFactory makes the relay once Copilot accepted the request
   */
  public void relay(Exchange exchange, Future<UpstreamResponse> answer, Supplier<RecordingRelay> relayFactory) {
    SseSink sink = new SseSink(services.vertx(), exchange.ctx().response(),
        services.config().sseKeepaliveIntervalMillis(), services.counters());
    long graceTimer = services.config().keepaliveEnabled()
        ? services.vertx().setTimer(Math.max(1, services.config().streamPreHeaderGraceMillis()), id -> sink.commit())
        : -1;
    answer.onComplete(result -> {
      if (graceTimer >= 0) {
        services.vertx().cancelTimer(graceTimer);
      }
      if (exchange.clientGone()) {
        sink.stopKeepalive();
        return;
      }
      if (result.failed()) {
        failBeforeStream(exchange, sink, result.cause());
        return;
      }
      UpstreamResponse upstream = result.result();
      exchange.record().attempts(upstream.attempts());
      if (!upstream.ok()) {
        relayUpstreamError(exchange, sink, upstream);
        return;
      }
      exchange.receiving();
      RecordingRelay relay = relayFactory.get();
      SsePump.run(upstream.response(), sink, relay, MAX_EVENT_BYTES).onSuccess(outcome -> {
        if (outcome == StreamOutcome.CLIENT_GONE) {
          return;
        }
        exchange.record().responseSize(sink.bytesWritten());
        relay.record(exchange.record(), services.recorder());
        exchange.finish(relay.failure() == null ? 200 : 502, relay.failure());
      });
    });
  }

  private void failBeforeStream(Exchange exchange, SseSink sink, Throwable cause) {
    if (!sink.committed()) {
      endpoint.fail(exchange, cause);
      return;
    }
    ApiError error = FailureMapping.toApiError(cause);
    sink.end(endpoint.shape().streamFrame(error));
    exchange.finish(error.status(), error.message());
  }

  private void relayUpstreamError(Exchange exchange, SseSink sink, UpstreamResponse upstream) {
    upstream.body(ClientEndpoint.MAX_UPSTREAM_BODY).onComplete(read -> {
      Buffer body = read.succeeded() ? read.result() : Buffer.buffer();
      if (!sink.committed()) {
        sink.stopKeepalive();
        endpoint.relayError(exchange, upstream, body);
        return;
      }
      Buffer error = endpoint.shape().fromUpstream(upstream.status(), body);
      sink.end(endpoint.shape().streamFrame(upstream.status(), error));
      exchange.record().responseSize(sink.bytesWritten()).responseBody(services.recorder().recordable(error));
      exchange.finish(upstream.status(), "Copilot answered HTTP " + upstream.status());
    });
  }
}
