package io.ghcapi.gateway.exchange;

import io.ghcapi.bus.TokenUsage;
import io.ghcapi.gateway.GatewayServices;
import io.ghcapi.gateway.http.ApiError;
import io.ghcapi.gateway.http.BodyTooLargeException;
import io.ghcapi.gateway.http.BoundedBody;
import io.ghcapi.gateway.http.ErrorShape;
import io.ghcapi.gateway.upstream.ClientGoneException;
import io.ghcapi.gateway.upstream.UpstreamResponse;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;

/**
 * The steps every client endpoint shares: read and parse the client's body within limits, report any
 * failure in the client API's error shape with the right status, and relay a whole (non-streamed) answer.
 */
public final class ClientEndpoint {

  /** Upper bound on a non-streamed upstream answer held in memory (embeddings of a large batch fit). */
  public static final long MAX_UPSTREAM_BODY = 64L << 20;
  /** Declared bodies up to this many times the limit are drained so the client reads its 413; larger ones close. */
  private static final long DRAIN_FACTOR = 4;
  private static final long OVERSIZED_BODY_GRACE_MILLIS = 5_000;

  private final GatewayServices services;
  private final ErrorShape shape;

  public ClientEndpoint(GatewayServices services, ErrorShape shape) {
    this.services = services;
    this.shape = shape;
  }

  public ErrorShape shape() {
    return shape;
  }

  /** The parsed body; on bad input the client already got its error and the exchange is finished. */
  public Future<ClientRequest> read(Exchange exchange) {
    HttpServerRequest request = exchange.ctx().request();
    long limit = services.config().maxRequestBodySize();
    String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    long declaredBytes = declared == null ? -1 : parseLong(declared);
    if (declaredBytes > limit) {
      if (declaredBytes > DRAIN_FACTOR * limit) {
        exchange.ctx().response().putHeader(HttpHeaders.CONNECTION, "close");
      }
      drainThenClose(request);
      return failed(exchange, new BodyTooLargeException(limit));
    }
    return BoundedBody.read(request, limit, declaredBytes)
        .recover(e -> {
          if (e instanceof BodyTooLargeException) {
            closeIfStillSending(request);
          }
          return failed(exchange, e);
        })
        .compose(raw -> {
          exchange.record().requestSize(raw.length());
          ClientRequest parsed;
          try {
            parsed = new ClientRequest(raw, services.jsonBodies().parseObject(raw));
          } catch (RuntimeException e) {
            exchange.record().originalRequestBody(services.recorder().recordable(raw));
            return failed(exchange, e);
          }
          if (services.interceptors().isEmpty()) {
            return Future.succeededFuture(parsed);
          }
          return services.interception().apply(exchange, parsed).recover(e -> {
            exchange.record().originalRequestBody(services.recorder().recordable(raw));
            return failed(exchange, e);
          });
        });
  }

  /** Sends the error matching {@code cause} (nothing if the client is gone) and finishes the exchange. */
  public void fail(Exchange exchange, Throwable cause) {
    if (cause instanceof ClientGoneException || exchange.clientGone()) {
      return;
    }
    reject(exchange, FailureMapping.toApiError(cause));
  }

  public void reject(Exchange exchange, ApiError error) {
    shape.send(exchange.ctx().response(), error);
    exchange.finish(error.status(), error.message());
  }

  /**
   * Relays Copilot's whole answer. A success passes through byte for byte unless {@code fix} changes the
   * JSON; an error keeps its status (and {@code retry-after}) in the OpenAI error shape.
   */
  public void relayJson(Exchange exchange, UpstreamResponse upstream, Function<JsonObject, TokenUsage> usage,
      Function<JsonObject, JsonObject> fix) {
    upstream.body(MAX_UPSTREAM_BODY).onComplete(read -> {
      if (read.failed()) {
        fail(exchange, read.cause());
        return;
      }
      exchange.receiving();
      exchange.record().attempts(upstream.attempts());
      Buffer body = read.result();
      HttpServerResponse response = exchange.ctx().response();
      if (exchange.clientGone()) {
        return;
      }
      if (!upstream.ok()) {
        relayError(exchange, upstream, body);
        return;
      }
      Buffer out = body;
      try {
        JsonObject json = new JsonObject(body);
        exchange.record().tokens(usage.apply(json));
        JsonObject fixed = fix == null ? null : fix.apply(json);
        if (fixed != null) {
          out = fixed.toBuffer();
        }
      } catch (RuntimeException e) {
        // Not JSON: pass it on as Copilot sent it.
      }
      String contentType = upstream.response().getHeader(HttpHeaders.CONTENT_TYPE);
      response.setStatusCode(upstream.status())
          .putHeader(HttpHeaders.CONTENT_TYPE, contentType != null ? contentType : "application/json")
          .end(out);
      exchange.record().responseSize(out.length()).responseBody(services.recorder().recordable(out));
      exchange.finish(upstream.status(), null);
    });
  }

  /** Copilot's error, kept with its status and {@code retry-after}, in the client's error shape. */
  public void relayError(Exchange exchange, UpstreamResponse upstream, Buffer body) {
    Buffer errorBody = shape.fromUpstream(upstream.status(), body);
    HttpServerResponse response = exchange.ctx().response();
    String retryAfter = upstream.response().getHeader("retry-after");
    if (retryAfter != null) {
      response.putHeader("retry-after", retryAfter);
    }
    response.setStatusCode(upstream.status()).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(errorBody);
    exchange.record().responseSize(errorBody.length()).responseBody(services.recorder().recordable(errorBody))
        .attempts(upstream.attempts());
    exchange.finish(upstream.status(), "Copilot answered HTTP " + upstream.status());
  }

  public static ApiError invalid(String code, String message, String param) {
    return ApiError.of(400, code, message).withParam(param);
  }

  /** Drops the rest of a body nobody will read, so the 413 reaches a client that is still sending. */
  private void drainThenClose(HttpServerRequest request) {
    request.handler(chunk -> { });
    request.resume();
    closeIfStillSending(request);
  }

  /**
   * A client still sending an oversized body after its 413 gets a few seconds to finish (and read the
   * answer on a connection it can reuse), then the connection is closed, so a body without end costs
   * nothing but those seconds.
   */
  private void closeIfStillSending(HttpServerRequest request) {
    services.vertx().setTimer(OVERSIZED_BODY_GRACE_MILLIS, id -> {
      if (!request.isEnded()) {
        request.connection().close();
      }
    });
  }

  private <T> Future<T> failed(Exchange exchange, Throwable cause) {
    fail(exchange, cause);
    return Future.failedFuture(new AlreadyAnswered());
  }

  private static long parseLong(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Marks a failure the client has already been told about. */
  static final class AlreadyAnswered extends RuntimeException {
    AlreadyAnswered() {
      super(null, null, false, false);
    }
  }
}
