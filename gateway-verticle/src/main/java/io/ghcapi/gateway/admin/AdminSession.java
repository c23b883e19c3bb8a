package io.ghcapi.gateway.admin;

import io.ghcapi.gateway.config.GatewayConfig;
import io.ghcapi.gateway.http.ApiError;
import io.ghcapi.gateway.http.BoundedBody;
import io.ghcapi.gateway.http.ErrorShape;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The dashboard's sign-in: {@code POST /api/admin-session {token}} checks the admin token and sets an
 * HttpOnly, SameSite=Strict cookie holding a value derived from it (so the cookie never reveals the token and
 * no script can read it); {@code GET} says whether a token is needed and whether this browser is signed in;
 * {@code DELETE} signs out. These three pass {@link AdminAccess} without a token (host and origin are
 * still checked).
 */
final class AdminSession {

  static final String PATH = "/api/admin-session";
  private static final byte[] CONTEXT = "ghc-api admin session v1".getBytes(StandardCharsets.UTF_8);
  private static final long MAX_BODY = 4096;

  private final Supplier<GatewayConfig> config;

  AdminSession(Supplier<GatewayConfig> config) {
    this.config = config;
  }

  void register(Router router) {
    router.get(PATH).handler(ctx -> {
      String token = config.get().adminToken();
      Cookie cookie = ctx.request().getCookie(AdminAccess.COOKIE);
      ctx.json(new JsonObject().put("admin_token_required", !token.isEmpty())
          .put("signed_in", !token.isEmpty() && cookie != null && matches(cookie.getValue(), token)));
    });
    router.post(PATH).handler(this::signIn);
    router.delete(PATH).handler(ctx -> {
      ctx.response().addCookie(cookie(ctx, "").setMaxAge(0));
      ctx.response().setStatusCode(204).end();
    });
  }

  private void signIn(RoutingContext ctx) {
    BoundedBody.read(ctx.request(), MAX_BODY).onComplete(read -> {
      String expected = config.get().adminToken();
      String presented = null;
      if (read.succeeded()) {
        try {
          presented = new JsonObject(read.result()).getString("token");
        } catch (RuntimeException e) {
          presented = null;
        }
      }
      if (expected.isEmpty()) {
        ctx.response().setStatusCode(204).end();
      } else if (presented != null && MessageDigest.isEqual(presented.trim().getBytes(StandardCharsets.UTF_8),
          expected.getBytes(StandardCharsets.UTF_8))) {
        ctx.response().addCookie(cookie(ctx, cookieValue(expected)));
        ctx.response().setStatusCode(204).end();
      } else {
        ErrorShape.OPENAI.send(ctx.response(), ApiError.of(401, "admin_token_rejected",
            "That is not this server's admin token."));
      }
    });
  }

  private static Cookie cookie(RoutingContext ctx, String value) {
    return Cookie.cookie(AdminAccess.COOKIE, value).setPath("/").setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT).setSecure(ctx.request().isSSL());
  }

  /** Whether a presented cookie value belongs to this admin token. */
  static boolean matches(String presented, String adminToken) {
    return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
        cookieValue(adminToken).getBytes(StandardCharsets.UTF_8));
  }

  static String cookieValue(String adminToken) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(adminToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(CONTEXT));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
