package io.ghcapi.gateway.exchange;

import io.ghcapi.bus.Addresses;
import io.ghcapi.bus.Redaction;
import io.ghcapi.bus.RequestRecord;
import io.ghcapi.gateway.http.ClientAuth;
import io.ghcapi.gateway.upstream.UpstreamCancellation;
import io.ghcapi.gateway.util.Counters;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Opens {@link Exchange}s and publishes their records, fire-and-forget: the hot path never waits on the
 * bus. Bodies larger than {@code cache_max_request_size} are replaced by a visible truncation marker
 * here, so no message on the bus is larger than that.
 */
public final class ExchangeRecorder {

  private final Vertx vertx;
  private final EventBus bus;
  private final String nodeId;
  private final long maxBodyBytes;
  private final Counters counters;

  public ExchangeRecorder(Vertx vertx, String nodeId, long maxBodyBytes, Counters counters) {
    this.vertx = vertx;
    this.bus = vertx.eventBus();
    this.nodeId = nodeId;
    this.maxBodyBytes = maxBodyBytes;
    this.counters = counters;
  }

  public String nodeId() {
    return nodeId;
  }

  public Exchange open(RoutingContext ctx, String endpoint) {
    String id = ExchangeIds.next();
    RequestRecord record = RequestRecord.start(id, nodeId, endpoint, System.currentTimeMillis())
        .requestHeaders(Redaction.headers(ctx.request().headers()))
        .clientIp(ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress())
        .userId(ctx.get(ClientAuth.USER, "anonymous"));
    Exchange exchange = new Exchange(ctx, record, new UpstreamCancellation(vertx), this);
    ctx.response().putHeader("x-request-id", id);
    ctx.response().closeHandler(v -> exchange.clientClosed());
    return exchange;
  }

  /** A body as recorded: its text, or the truncation marker when it is over the limit (0 = no limit). */
  public String recordable(Buffer body) {
    if (body == null) {
      return null;
    }
    if (maxBodyBytes > 0 && body.length() > maxBodyBytes) {
      return truncationMarker(body.length());
    }
    return body.toString();
  }

  public String recordable(String text, long sizeBytes) {
    if (maxBodyBytes > 0 && sizeBytes > maxBodyBytes) {
      return truncationMarker(sizeBytes);
    }
    return text;
  }

  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  public String truncationMarker(long size) {
    return new JsonObject().put("_truncated", true).put("_size", size)
        .put("_reason", "body exceeded cache_max_request_size (" + maxBodyBytes + " bytes)").encode();
  }

  void publishStarted(RequestRecord record) {
    bus.publish(Addresses.REQUEST_STARTED, record.toJson());
  }

  /** The record is final once completed, so it is published as is, without a copy. */
  void publishCompleted(RequestRecord record) {
    bus.publish(Addresses.REQUEST_COMPLETED, record.finalJson());
  }

  void countClientClosed() {
    counters.increment(Counters.CLIENT_CLOSED);
  }
}
