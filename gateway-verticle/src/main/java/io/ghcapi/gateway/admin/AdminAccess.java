package io.ghcapi.gateway.admin;

import io.ghcapi.gateway.config.GatewayConfig;
import io.ghcapi.gateway.http.ApiError;
import io.ghcapi.gateway.http.ErrorShape;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Guards the admin API and the dashboard (the seed left them open to any web page and any network peer):
 * <ul>
 *   <li>the {@code Host} must be one this gateway is known by, so a DNS-rebinding page cannot reach a
 *       loopback-only gateway under its own name;</li>
 *   <li>a state-changing call from a browser must come from this gateway's own pages ({@code Origin} equal to
 *       the {@code Host}), so no other site can fire a cross-site POST;</li>
 *   <li>with an {@code admin_token} (required beyond loopback), every call presents it as
 *       {@code Authorization: Bearer}, {@code X-Admin-Token}, or the dashboard's cookie.</li>
 * </ul>
 */
public final class AdminAccess implements Handler<RoutingContext> {

  public static final String COOKIE = "ghc_admin_token";
  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  private final Supplier<GatewayConfig> config;

  public AdminAccess(Supplier<GatewayConfig> config) {
    this.config = config;
  }

  @Override
  public void handle(RoutingContext ctx) {
    GatewayConfig settings = config.get();
    HttpServerRequest request = ctx.request();
    String host = hostName(hostHeader(request));
    if (!hostAllowed(host, settings)) {
      refuse(ctx, 403, "host_not_allowed", "This gateway is not served under the host name '" + host
          + "'. Add it to allowed_hosts if it is yours.");
      return;
    }
    if (!SAFE.contains(request.method()) && !sameOrigin(request)) {
      refuse(ctx, 403, "cross_site_request", "Cross-site requests to the admin API are refused.");
      return;
    }
    if (!settings.adminToken().isEmpty() && !request.path().equals(AdminSession.PATH)
        && !presentsToken(request, settings.adminToken())) {
      refuse(ctx, 401, "admin_token_required", "The admin API needs the admin token: send it as "
          + "'Authorization: Bearer <admin_token>' or sign in on the dashboard.");
      return;
    }
    ctx.next();
  }

  private static boolean hostAllowed(String host, GatewayConfig settings) {
    if (host == null) {
      return false;
    }
    if (LOOPBACK_NAMES.contains(host) || host.startsWith("127.") || settings.allowedHosts().contains(host)) {
      return true;
    }
    // Beyond loopback the admin token is required, so any name the server is reached by is acceptable.
    return !settings.loopbackOnly() || host.equals(settings.address());
  }

  /** A browser sends Origin on cross-site and same-site POSTs; scripts and curl send none. */
  private static boolean sameOrigin(HttpServerRequest request) {
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return !"cross-site".equals(request.getHeader("Sec-Fetch-Site"));
    }
    try {
      URI uri = URI.create(origin);
      String originHost = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
      String authority = originHost + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
      String hostHeader = hostHeader(request);
      String host = hostHeader == null ? "" : hostHeader.toLowerCase(Locale.ROOT);
      return authority.equals(host) || ("[" + originHost + "]" + (uri.getPort() > 0 ? ":" + uri.getPort() : "")).equals(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean presentsToken(HttpServerRequest request, String expected) {
    String presented = null;
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      presented = authorization.substring(7).trim();
    } else if (request.getHeader("X-Admin-Token") != null) {
      presented = request.getHeader("X-Admin-Token").trim();
    } else {
      Cookie cookie = request.getCookie(COOKIE);
      return cookie != null && AdminSession.matches(cookie.getValue(), expected);
    }
    return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
        expected.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code Host}, or the {@code :authority} an HTTP/2 request carries instead. */
  private static String hostHeader(HttpServerRequest request) {
    String host = request.getHeader("Host");
    if (host == null && request.authority() != null) {
      host = request.authority().toString();
    }
    return host;
  }

  private static String hostName(String hostHeader) {
    if (hostHeader == null || hostHeader.isBlank()) {
      return null;
    }
    String host = hostHeader.trim().toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end > 0 ? host.substring(0, end + 1) : host;
    }
    int colon = host.lastIndexOf(':');
    return colon > 0 ? host.substring(0, colon) : host;
  }

  private static void refuse(RoutingContext ctx, int status, String code, String message) {
    ErrorShape.OPENAI.send(ctx.response(), ApiError.of(status, code, message));
  }
}
