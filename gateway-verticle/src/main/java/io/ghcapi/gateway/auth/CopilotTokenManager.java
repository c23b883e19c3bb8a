package io.ghcapi.gateway.auth;

import io.ghcapi.gateway.config.GatewayConfig;
import io.ghcapi.gateway.upstream.CopilotHeaders;
import io.ghcapi.gateway.util.Contexts;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.core.buffer.Buffer;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Holds the Copilot token (memory only) and keeps it fresh.
 *
 * <ul>
 *   <li>Refreshed in the background {@code token_refresh_margin} before GitHub's {@code refresh_in}, so
 *       requests normally never wait for an exchange.</li>
 *   <li>Single-flight: however many requests find the token unusable at once, one exchange runs and all of
 *       them get its result.</li>
 *   <li>{@link #renewAfterRejection} lets a request that got 401 from Copilot force one fresh exchange,
 *       unless another request already replaced the rejected token.</li>
 * </ul>
 * Shared by every gateway instance; state changes are guarded by {@code this}, continuations are
 * delivered on each caller's own context.
 */
public final class CopilotTokenManager {

  private static final Logger LOG = Logger.getLogger(CopilotTokenManager.class.getName());
  private static final long EXCHANGE_TIMEOUT_MILLIS = 30_000;
  private static final long RETRY_MIN_MILLIS = 5_000;
  private static final long RETRY_MAX_MILLIS = 300_000;

  private final Vertx vertx;
  private final WebClient web;
  private final GithubCredentials github;
  private final GithubUrls githubUrls;
  private final CopilotHeaders headers;
  private final long refreshMarginMillis;
  private final Clock clock;
  private final AtomicInteger exchanges = new AtomicInteger();

  private volatile CopilotToken token;
  private Future<CopilotToken> inflight;
  private long refreshTimer = -1;
  private long retryDelayMillis = RETRY_MIN_MILLIS;
  private boolean closed;
  private volatile TokenStatus status = TokenStatus.initial();

  public CopilotTokenManager(Vertx vertx, WebClient web, GithubCredentials github, GatewayConfig config,
      CopilotHeaders headers, Clock clock) {
    this.vertx = vertx;
    this.clock = clock;
    this.web = web;
    this.github = github;
    this.githubUrls = new GithubUrls(config.githubApiBaseUrl());
    this.headers = headers;
    this.refreshMarginMillis = config.tokenRefreshMarginMillis();
    github.onChange(credentials -> reset());
  }

  /** A usable token: the held one, or the result of the (single) exchange in flight. */
  public Future<CopilotToken> current() {
    CopilotToken held = token;
    if (held != null && held.usableAt(clock.millis())) {
      return Future.succeededFuture(held);
    }
    return Contexts.onCallerContext(exchangeOnce());
  }

  /**
   * Copilot answered 401 with {@code rejected}: exchange again, unless the held token is already a newer
   * one (another request renewed it first), so a burst of 401s still causes one exchange.
   */
  public Future<CopilotToken> renewAfterRejection(CopilotToken rejected) {
    synchronized (this) {
      CopilotToken held = token;
      if (held != null && held != rejected && held.usableAt(clock.millis())) {
        return Future.succeededFuture(held);
      }
      if (held == rejected) {
        token = null;
      }
    }
    return Contexts.onCallerContext(exchangeOnce());
  }

  /** Forgets the token and exchanges again now (after a new GitHub login, say). */
  public void reset() {
    synchronized (this) {
      token = null;
      cancelTimer();
    }
    if (github.token().isPresent()) {
      exchangeOnce().onFailure(e -> LOG.warning("Copilot token exchange failed: " + e.getMessage()));
    }
  }

  /** Successful exchanges since start. */
  public int exchangeCount() {
    return exchanges.get();
  }

  public TokenStatus status() {
    return status;
  }

  public synchronized void close() {
    closed = true;
    cancelTimer();
  }

  private synchronized Future<CopilotToken> exchangeOnce() {
    if (inflight != null) {
      return inflight;
    }
    String githubToken = github.token().orElse(null);
    if (githubToken == null) {
      return Future.failedFuture(new TokenExchangeException(TokenExchangeException.Reason.NO_GITHUB_TOKEN, 0,
          github.loginHint()));
    }
    Promise<CopilotToken> promise = Promise.promise();
    Future<CopilotToken> exchange = promise.future();
    inflight = exchange;
    long attemptAt = clock.millis();
    exchange(githubToken).onComplete(result -> {
      synchronized (this) {
        inflight = null;
        if (result.succeeded()) {
          token = result.result();
          retryDelayMillis = RETRY_MIN_MILLIS;
          status = status.succeeded(attemptAt, clock.millis(), token.expiresAtMillis());
          scheduleRefresh(token.refreshAtMillis() - clock.millis());
        } else {
          status = status.failed(attemptAt, result.cause().getMessage());
          CopilotToken held = token;
          if (held != null && held.usableAt(clock.millis())) {
            scheduleRefresh(retryDelayMillis);
            retryDelayMillis = Math.min(RETRY_MAX_MILLIS, retryDelayMillis * 2);
          }
        }
      }
      promise.handle(result);
    });
    return exchange;
  }

  private Future<CopilotToken> exchange(String githubToken) {
    return web.requestAbs(HttpMethod.GET, githubUrls.copilotTokenUrl())
        .putHeaders(headers.forGithub(githubToken))
        .timeout(EXCHANGE_TIMEOUT_MILLIS)
        .send()
        .recover(e -> Future.failedFuture(new TokenExchangeException(TokenExchangeException.Reason.EXCHANGE_FAILED, 0,
            "Could not reach GitHub at " + githubUrls.apiBaseUrl() + " to get a Copilot token: " + e.getMessage())))
        .compose(this::parse);
  }

  private Future<CopilotToken> parse(HttpResponse<Buffer> response) {
    int code = response.statusCode();
    String body = response.bodyAsString();
    String excerpt = body == null ? "" : body.substring(0, Math.min(500, body.length()));
    if (code == 401 || code == 403) {
      return Future.failedFuture(new TokenExchangeException(TokenExchangeException.Reason.GITHUB_TOKEN_REJECTED, code,
          "GitHub rejected the token (HTTP " + code + "): " + excerpt
              + " Log in again with `ghc-api --github-device-login` (or `ghc-api --delete-github-token` first)."));
    }
    if (code / 100 != 2) {
      return Future.failedFuture(new TokenExchangeException(TokenExchangeException.Reason.EXCHANGE_FAILED, code,
          "Failed to get Copilot token: HTTP " + code + ". " + excerpt));
    }
    JsonObject json;
    try {
      json = new JsonObject(body);
    } catch (RuntimeException e) {
      return Future.failedFuture(new TokenExchangeException(TokenExchangeException.Reason.EXCHANGE_FAILED, code,
          "Copilot token answer was not JSON: " + excerpt));
    }
    String value = json.getString("token");
    if (value == null || value.isBlank()) {
      return Future.failedFuture(new TokenExchangeException(TokenExchangeException.Reason.EXCHANGE_FAILED, code,
          "Copilot token answer had no token"));
    }
    exchanges.incrementAndGet();
    return Future.succeededFuture(toToken(json, value));
  }

  private CopilotToken toToken(JsonObject json, String value) {
    long now = clock.millis();
    long refreshIn = Math.max(60, json.getLong("refresh_in", 1500L));
    long lifetimeSeconds = refreshIn + 60;
    Long expiresAt = json.getLong("expires_at");
    if (expiresAt != null) {
      long untilExpiry = expiresAt - now / 1000;
      // Trust GitHub's expiry unless the clocks disagree badly.
      if (untilExpiry > refreshIn / 2) {
        lifetimeSeconds = Math.min(lifetimeSeconds, untilExpiry);
      }
    }
    long refreshAfter = Math.max(1_000, refreshIn * 1000 - refreshMarginMillis);
    JsonObject endpoints = json.getJsonObject("endpoints");
    String api = endpoints == null ? null : endpoints.getString("api");
    return new CopilotToken(value, now, now + refreshAfter, now + lifetimeSeconds * 1000, api);
  }

  private void scheduleRefresh(long delayMillis) {
    cancelTimer();
    if (closed) {
      return;
    }
    refreshTimer = vertx.setTimer(Math.max(1, delayMillis), id -> {
      synchronized (this) {
        refreshTimer = -1;
      }
      exchangeOnce().onFailure(e -> LOG.log(Level.WARNING, "Background Copilot token refresh failed: {0}", e.getMessage()));
    });
  }

  private void cancelTimer() {
    if (refreshTimer >= 0) {
      vertx.cancelTimer(refreshTimer);
      refreshTimer = -1;
    }
  }
}
