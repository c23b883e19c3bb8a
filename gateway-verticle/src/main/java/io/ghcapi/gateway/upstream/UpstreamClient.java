package io.ghcapi.gateway.upstream;

import io.ghcapi.gateway.auth.CopilotToken;
import io.ghcapi.gateway.auth.CopilotTokenManager;
import io.ghcapi.gateway.config.GatewayConfig;
import io.ghcapi.gateway.config.RuntimeConfig;
import io.ghcapi.gateway.util.Counters;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Sends calls to the Copilot API over its own pooled, keep-alive HTTP client. Each gateway instance
 * creates one on its event loop, so a request and its upstream connection share a thread: a request
 * never hops to another event loop and back.
 *
 * <ul>
 *   <li>Adds the Copilot headers and a usable Copilot token to every attempt.</li>
 *   <li>On a 401 from Copilot, renews the token once and repeats the call once.</li>
 *   <li>On a connection failure before any answer (refused, reset, a stale pooled connection), retries with
 *       exponential backoff. A call that timed out waiting for an answer is <em>not</em> repeated: Copilot may
 *       have received it, and sending it twice would bill it twice.</li>
 * </ul>
 * Connect and read (idle) timeouts come from config; there is no total timeout, so long streams live.
 */
public final class UpstreamClient {

  private static final Logger LOG = Logger.getLogger(UpstreamClient.class.getName());
  private static final long MAX_BACKOFF_MILLIS = 8_000;

  private final Vertx vertx;
  private final HttpClientAgent http;
  private final CopilotTokenManager tokens;
  private final CopilotHeaders headers;
  private final CopilotApi api;
  private final Counters counters;
  private final RuntimeConfig runtime;

  /** A client with a connection pool of its own, created on the calling context. */
  public static UpstreamClient create(Vertx vertx, CopilotTokenManager tokens, CopilotHeaders headers,
      RuntimeConfig runtime, Counters counters) {
    GatewayConfig config = runtime.current();
    HttpClientAgent http = vertx.createHttpClient(
        new HttpClientOptions()
            .setKeepAlive(true)
            .setKeepAliveTimeout(60)
            .setTcpNoDelay(true)
            .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.upstreamConnectTimeoutMillis())),
        new PoolOptions().setHttp1MaxSize(config.upstreamPoolSize()));
    return new UpstreamClient(vertx, http, tokens, headers, runtime, counters);
  }

  private UpstreamClient(Vertx vertx, HttpClientAgent http, CopilotTokenManager tokens, CopilotHeaders headers,
      RuntimeConfig runtime, Counters counters) {
    this.vertx = vertx;
    this.http = http;
    this.tokens = tokens;
    this.headers = headers;
    this.api = new CopilotApi(runtime.current());
    this.counters = counters;
    this.runtime = runtime;
  }

  /**
   * Sends the call; the future fails with a {@code TokenExchangeException}, an
   * {@link UpstreamUnavailableException} or a {@link ClientGoneException}, or succeeds with Copilot's
   * answer (any status), paused.
   */
  public Future<UpstreamResponse> send(UpstreamCall call, UpstreamCancellation cancellation) {
    Promise<UpstreamResponse> result = Promise.promise();
    attempt(call, cancellation, 1, false, result);
    return result.future();
  }

  private void attempt(UpstreamCall call, UpstreamCancellation cancellation, int attempt, boolean renewed,
      Promise<UpstreamResponse> result) {
    if (cancellation.cancelled()) {
      result.fail(new ClientGoneException());
      return;
    }
    tokens.current().onComplete(tokenResult -> {
      if (tokenResult.failed()) {
        result.fail(tokenResult.cause());
      } else {
        sendWith(tokenResult.result(), call, cancellation, attempt, renewed, result);
      }
    });
  }

  private void sendWith(CopilotToken token, UpstreamCall call, UpstreamCancellation cancellation, int attempt,
      boolean renewed, Promise<UpstreamResponse> result) {
    if (cancellation.cancelled()) {
      result.fail(new ClientGoneException());
      return;
    }
    UpstreamTarget target = api.target(token);
    RequestOptions options = new RequestOptions()
        .setMethod(call.method())
        .setHost(target.host())
        .setPort(target.port())
        .setSsl(target.ssl())
        .setURI(target.basePath() + call.path())
        .setHeaders(headers.forCopilot(token.value()).addAll(call.extraHeaders()))
        .setConnectTimeout(runtime.current().upstreamConnectTimeoutMillis())
        .setIdleTimeout(runtime.current().upstreamReadTimeoutMillis());
    http.request(options)
        .compose(request -> {
          cancellation.attach(request);
          return call.body() == null ? request.send() : request.send(call.body());
        })
        .onComplete(sent -> {
          if (sent.succeeded()) {
            HttpClientResponse response = sent.result();
            response.pause();
            if (response.statusCode() == 401 && !renewed && !cancellation.cancelled()) {
              discard(response);
              counters.increment(Counters.UPSTREAM_TOKEN_RENEWED);
              tokens.renewAfterRejection(token).onComplete(renewal -> {
                if (renewal.failed()) {
                  result.fail(renewal.cause());
                } else {
                  sendWith(renewal.result(), call, cancellation, attempt, true, result);
                }
              });
              return;
            }
            result.complete(new UpstreamResponse(response, attempt));
          } else {
            retryOrFail(call, cancellation, attempt, renewed, sent.cause(), result);
          }
        });
  }

  private void retryOrFail(UpstreamCall call, UpstreamCancellation cancellation, int attempt, boolean renewed,
      Throwable failure, Promise<UpstreamResponse> result) {
    if (cancellation.cancelled()) {
      result.fail(new ClientGoneException());
      return;
    }
    boolean timeout = failure instanceof TimeoutException || isIdleTimeout(failure);
    int maxRetries = runtime.current().maxConnectionRetries();
    if (attempt > maxRetries || timeout || !isConnectionFailure(failure)) {
      result.fail(new UpstreamUnavailableException(attempt, timeout, failure));
      return;
    }
    counters.increment(Counters.UPSTREAM_RETRY);
    long delay = backoff(attempt);
    LOG.info(() -> "Copilot connection failed (" + failure.getClass().getSimpleName() + ": " + failure.getMessage()
        + "), attempt " + attempt + " of " + (maxRetries + 1) + "; retrying in " + delay + " ms");
    cancellation.retryTimer(vertx.setTimer(delay, id -> attempt(call, cancellation, attempt + 1, renewed, result)));
  }

  private long backoff(int attempt) {
    long base = Math.min(MAX_BACKOFF_MILLIS, runtime.current().connectionRetryBackoffMillis() << Math.min(attempt - 1, 16));
    long jitter = base <= 1 ? 0 : ThreadLocalRandom.current().nextLong(base / 4 + 1);
    return Math.max(1, base + jitter);
  }

  private static boolean isConnectionFailure(Throwable failure) {
    return failure instanceof ConnectException
        || failure instanceof ConnectTimeoutException
        || failure instanceof UnknownHostException
        || failure instanceof HttpClosedException
        || failure instanceof IOException;
  }

  private static boolean isIdleTimeout(Throwable failure) {
    String message = failure.getMessage();
    return message != null && message.contains("timeout period") && !(failure instanceof ConnectTimeoutException);
  }

  public Future<Void> close() {
    return http.close();
  }

  /** Reads and drops a response nobody will see, so its connection goes back to the pool. */
  static void discard(HttpClientResponse response) {
    response.handler(chunk -> { }).exceptionHandler(e -> { });
    response.resume();
  }
}
