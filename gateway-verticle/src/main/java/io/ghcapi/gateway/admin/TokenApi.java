package io.ghcapi.gateway.admin;

import io.ghcapi.bus.Addresses;
import io.ghcapi.gateway.GatewayServices;
import io.ghcapi.gateway.auth.GithubUrls;
import io.ghcapi.gateway.auth.WebDeviceLogin;
import io.ghcapi.gateway.http.ApiError;
import io.ghcapi.gateway.http.ErrorShape;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * GitHub and Copilot token status, the device login from the browser, and token usage
 * ({@code /api/config-manager/...}, seed §6). No token value is ever shown.
 */
final class TokenApi {

  private static final Set<String> RANGES = Set.of("hour", "day", "week", "month", "all");

  private final GatewayServices services;
  private final WebDeviceLogin login;
  private final BusCalls bus;

  TokenApi(GatewayServices services, WebDeviceLogin login, BusCalls bus) {
    this.services = services;
    this.login = login;
    this.bus = bus;
  }

  void register(Router router) {
    router.get("/api/config-manager/token-status").handler(this::status);
    router.post("/api/config-manager/github-device-login").handler(this::startLogin);
    router.get("/api/config-manager/token-usage").handler(this::usage);
    router.delete("/api/config-manager/github-token").handler(this::deleteToken);
  }

  private void status(RoutingContext ctx) {
    GithubUrls urls = new GithubUrls(services.config().githubApiBaseUrl());
    JsonObject status = new JsonObject()
        .put("github_api_base_url", urls.apiBaseUrl())
        .put("github_oauth_base_url", urls.oauthWebOrigin().orElse(null))
        .put("github_device_flow_error", urls.oauthWebOrigin().isPresent() ? null
            : "Device login is not available for " + urls.apiBaseUrl())
        .put("copilot_api_base_url", services.config().copilotApiBaseUrl().isEmpty() ? null
            : services.config().copilotApiBaseUrl())
        .put("github_token_configured", services.github().token().isPresent())
        .put("github_token_source", services.github().source().name().toLowerCase())
        .put("copilot_token_configured", services.tokens().status().lastSucceeded())
        .put("device_flow", login.statusJson())
        .mergeIn(services.tokens().status().toJson());
    ctx.json(status);
  }

  private void startLogin(RoutingContext ctx) {
    login.start().onComplete(result -> {
      if (result.succeeded()) {
        ctx.response().setStatusCode(202);
        ctx.json(result.result());
      } else {
        ErrorShape.OPENAI.send(ctx.response(), ApiError.of(502, "device_login_failed", result.cause().getMessage()));
      }
    });
  }

  /** Signs out: deletes the saved token and forgets the one in use (a token from the environment stays). */
  private void deleteToken(RoutingContext ctx) {
    services.vertx().executeBlocking(() -> services.github().deleter().delete(), false).onComplete(deleted -> {
      if (deleted.failed()) {
        ErrorShape.OPENAI.send(ctx.response(), ApiError.of(500, "token_delete_failed", deleted.cause().getMessage()));
        return;
      }
      boolean fromEnvironment = services.github().source() == io.ghcapi.gateway.auth.GithubCredentials.Source.ENVIRONMENT;
      if (!fromEnvironment) {
        services.github().clear(null);
      }
      ctx.json(new JsonObject().put("deleted", deleted.result()).put("still_signed_in", fromEnvironment)
          .put("message", fromEnvironment ? "The token comes from GITHUB_TOKEN; unset it and restart to sign out."
              : "Signed out of GitHub."));
    });
  }

  private void usage(RoutingContext ctx) {
    String range = ctx.queryParams().get("range") == null ? "week" : ctx.queryParams().get("range");
    if (!RANGES.contains(range)) {
      ErrorShape.OPENAI.send(ctx.response(), ApiError.of(400, "invalid_range",
          "range must be one of hour, day, week, month, all").withParam("range"));
      return;
    }
    JsonObject request = new JsonObject().put("range", range);
    String user = ctx.queryParams().get("user");
    if (user != null) {
      request.put("user", user);
    }
    bus.answer(ctx, Addresses.USAGE_GET, request);
  }
}
