package io.ghcapi.gateway.http;

import io.ghcapi.gateway.config.ApiKey;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Checks client API keys on the model APIs, sent as {@code Authorization: Bearer <key>} (OpenAI SDKs,
 * anthropic-java) or {@code x-api-key} (Claude Code). With no keys configured (allowed on loopback only)
 * every client is let in as {@code anonymous}. The matching key's name becomes the request's user id.
 */
public final class ClientAuth implements Handler<RoutingContext> {

  /** Routing-context key under which the authenticated user name is stored. */
  public static final String USER = "ghc.user";

  private final List<ApiKey> keys;

  public ClientAuth(List<ApiKey> keys) {
    this.keys = keys;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (keys.isEmpty()) {
      ctx.put(USER, "anonymous");
      ctx.next();
      return;
    }
    String presented = presentedKey(ctx);
    ApiKey match = presented == null ? null : match(presented);
    if (match == null) {
      ErrorShape.forPath(ctx.request().path()).send(ctx.response(), ApiError.of(401, "invalid_api_key", presented == null
          ? "Missing API key: send it as 'Authorization: Bearer <key>' or 'x-api-key: <key>'."
          : "Invalid API key."));
      return;
    }
    ctx.put(USER, match.name());
    ctx.next();
  }

  private static String presentedKey(RoutingContext ctx) {
    String apiKey = ctx.request().getHeader("x-api-key");
    if (apiKey != null && !apiKey.isBlank()) {
      return apiKey.trim();
    }
    String authorization = ctx.request().getHeader("authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return authorization.substring(7).trim();
    }
    return null;
  }

  /** Compares against every key in constant time, so timing tells nothing about near misses. */
  private ApiKey match(String presented) {
    byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
    ApiKey found = null;
    for (ApiKey key : keys) {
      if (MessageDigest.isEqual(candidate, key.key().getBytes(StandardCharsets.UTF_8))) {
        found = key;
      }
    }
    return found;
  }
}
