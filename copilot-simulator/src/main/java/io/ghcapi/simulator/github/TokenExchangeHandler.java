package io.ghcapi.simulator.github;

import io.ghcapi.simulator.http.ApiError;
import io.ghcapi.simulator.http.Replies;
import io.ghcapi.simulator.recording.Counters;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /copilot_internal/v2/token}: trades a GitHub token for a short-lived Copilot token. */
public final class TokenExchangeHandler implements Handler<RoutingContext> {

  private final IssuedTokens tokens;
  private final Counters counters;

  public TokenExchangeHandler(IssuedTokens tokens, Counters counters) {
    this.tokens = tokens;
    this.counters = counters;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String githubToken = GitHubAuthorization.token(ctx.request().getHeader("Authorization"));
    if (githubToken == null) {
      Replies.error(ctx, ApiError.requiresAuthentication());
      return;
    }
    if (githubToken.startsWith("bad-")) {
      Replies.error(ctx, ApiError.badCredentials());
      return;
    }
    IssuedTokens.IssuedToken issued = tokens.issue();
    String apiBase = apiBaseUrl(ctx);
    JsonObject body = new JsonObject()
        .put("token", issued.token())
        .put("expires_at", issued.expiresAtEpochSeconds())
        .put("refresh_in", issued.refreshInSeconds())
        .put("endpoints", new JsonObject()
            .put("api", apiBase)
            .put("proxy", apiBase)
            .put("telemetry", apiBase)
            .put("origin-tracker", apiBase))
        .put("chat_enabled", true)
        .put("sku", "free")
        .put("individual", true);
    counters.tokenExchanged();
    Replies.json(ctx, 200, body);
  }

  /** The Copilot API lives on this same server: point at it the way the client reached it. */
  private String apiBaseUrl(RoutingContext ctx) {
    HostAndPort authority = ctx.request().authority();
    if (authority == null) {
      SocketAddress local = ctx.request().localAddress();
      return "http://" + local.hostAddress() + ":" + local.port();
    }
    return "http://" + authority.host() + (authority.port() > 0 ? ":" + authority.port() : "");
  }
}
