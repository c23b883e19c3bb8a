package io.ghcapi.simulator.http;

import io.ghcapi.simulator.github.IssuedTokens;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Lets through only data-plane requests with a valid Copilot token and an {@code Editor-Version} header. */
public final class CopilotAuthGate implements Handler<RoutingContext> {

  private static final String BEARER = "bearer ";

  private final IssuedTokens tokens;

  public CopilotAuthGate(IssuedTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (!tokens.isValid(bearerToken(ctx.request().getHeader("Authorization")))) {
      Replies.error(ctx, ApiError.invalidToken());
      return;
    }
    String editorVersion = ctx.request().getHeader("Editor-Version");
    if (editorVersion == null || editorVersion.isBlank()) {
      Replies.error(ctx, ApiError.missingEditorVersion());
      return;
    }
    ctx.next();
  }

  private static String bearerToken(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    return authorization.substring(BEARER.length()).trim();
  }
}
