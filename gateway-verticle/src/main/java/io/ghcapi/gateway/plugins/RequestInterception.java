package io.ghcapi.gateway.plugins;

import io.ghcapi.bus.Redaction;
import io.ghcapi.bus.plugin.InterceptDecision;
import io.ghcapi.bus.plugin.InterceptedRequest;
import io.ghcapi.gateway.exchange.ClientRequest;
import io.ghcapi.gateway.exchange.Exchange;
import io.ghcapi.gateway.http.ApiError;
import io.ghcapi.gateway.plugins.InterceptorRegistry.Interceptor;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Asks the registered interceptors, in order, about a client request before it goes upstream. Each call has a
 * deadline; an interceptor that is slow, fails or answers nonsense is skipped (counted, logged) and the request
 * goes on as if it had allowed it. A denial ends the chain with the client's error.
 */
public final class RequestInterception {

  private static final Logger LOG = Logger.getLogger(RequestInterception.class.getName());
  /** A misbehaving plugin is logged once per this many failures, so it cannot flood the log. */
  private static final long LOG_EVERY = 100;

  private final InterceptorRegistry registry;
  private final EventBus bus;
  private final LongSupplier deadlineMillis;
  private final AtomicLong failuresSeen = new AtomicLong();

  public RequestInterception(InterceptorRegistry registry, EventBus bus, LongSupplier deadlineMillis) {
    this.registry = registry;
    this.bus = bus;
    this.deadlineMillis = deadlineMillis;
  }

  /** A request an interceptor refused; the client gets {@link #error()} in its API's shape. */
  public static final class Denied extends RuntimeException {
    private final transient ApiError error;

    Denied(String interceptor, int status, String message) {
      super(message, null, false, false);
      this.error = ApiError.of(status, "request_denied_by_plugin", message + " (" + interceptor + ")");
    }

    public ApiError error() {
      return error;
    }
  }

  /** The request as the interceptors leave it; fails with {@link Denied}. Free when none is registered. */
  public Future<ClientRequest> apply(Exchange exchange, ClientRequest request) {
    List<Interceptor> chain = registry.snapshot();
    if (chain.isEmpty()) {
      return Future.succeededFuture(request);
    }
    return next(chain, 0, exchange, request);
  }

  private Future<ClientRequest> next(List<Interceptor> chain, int index, Exchange exchange, ClientRequest request) {
    if (index == chain.size()) {
      return Future.succeededFuture(request);
    }
    Interceptor interceptor = chain.get(index);
    if (!interceptor.registration().covers(exchange.record().endpoint())) {
      return next(chain, index + 1, exchange, request);
    }
    interceptor.tally().calls.increment();
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(Math.max(1, deadlineMillis.getAsLong()));
    return bus.<JsonObject>request(interceptor.registration().address(), question(interceptor, exchange, request), options)
        .transform(answer -> {
          if (answer.failed()) {
            skip(interceptor, answer.cause());
            return next(chain, index + 1, exchange, request);
          }
          InterceptDecision decision;
          try {
            decision = InterceptDecision.fromJson(answer.result().body());
          } catch (RuntimeException e) {
            skip(interceptor, e);
            return next(chain, index + 1, exchange, request);
          }
          return switch (decision.action()) {
            case ALLOW -> {
              interceptor.tally().allowed.increment();
              yield next(chain, index + 1, exchange, request);
            }
            case MODIFY -> {
              interceptor.tally().modified.increment();
              yield next(chain, index + 1, exchange, modified(exchange, request, decision));
            }
            case DENY -> {
              interceptor.tally().denied.increment();
              yield Future.failedFuture(new Denied(interceptor.registration().name(), decision.status(),
                  decision.message()));
            }
          };
        });
  }

  private static JsonObject question(Interceptor interceptor, Exchange exchange, ClientRequest request) {
    JsonObject body = request.json();
    return new InterceptedRequest(exchange.id(), exchange.record().endpoint(), body.getString("model"),
        exchange.record().userId(), exchange.record().nodeId(), body.getBoolean("stream", false),
        Redaction.headers(exchange.ctx().request().headers()),
        interceptor.registration().includeBody() ? body : null).toJson();
  }

  private static ClientRequest modified(Exchange exchange, ClientRequest request, InterceptDecision decision) {
    if (decision.headers() != null) {
      MultiMap headers = exchange.ctx().request().headers();
      for (Map.Entry<String, Object> header : decision.headers()) {
        if (header.getValue() == null) {
          headers.remove(header.getKey());
        } else {
          headers.set(header.getKey(), String.valueOf(header.getValue()));
        }
      }
    }
    if (decision.body() == null) {
      return request;
    }
    return request.withBody(decision.body());
  }

  private void skip(Interceptor interceptor, Throwable cause) {
    boolean timeout = cause instanceof ReplyException reply && reply.failureType() == ReplyFailure.TIMEOUT;
    if (timeout) {
      interceptor.tally().timeouts.increment();
    } else {
      interceptor.tally().failures.increment();
    }
    if (cause instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS) {
      registry.unregister(interceptor.registration().name());
    }
    long seen = failuresSeen.getAndIncrement();
    if (seen % LOG_EVERY == 0) {
      LOG.warning("Request interceptor '" + interceptor.registration().name() + "' skipped ("
          + (timeout ? "no answer within " + deadlineMillis.getAsLong() + " ms" : cause.getMessage())
          + "); the request went on without it. Failures so far: " + (seen + 1));
    }
  }
}
