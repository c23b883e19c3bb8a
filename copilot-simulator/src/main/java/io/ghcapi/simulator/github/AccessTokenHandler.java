package io.ghcapi.simulator.github;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** {@code POST /login/oauth/access_token}: a device-flow poll. GitHub answers 200 even for errors. */
public final class AccessTokenHandler implements Handler<RoutingContext> {

  static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

  private final DeviceAuthorizations authorizations;

  public AccessTokenHandler(DeviceAuthorizations authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Map<String, String> form = FormFields.parse(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE), ctx.body().buffer());
    String grantType = form.get("grant_type");
    if (grantType != null && !grantType.equals(DEVICE_GRANT)) {
      OAuthReplies.send(ctx, error("unsupported_grant_type", "The grant type is not supported."));
      return;
    }
    JsonObject answer = switch (authorizations.poll(form.get("device_code"))) {
      case PENDING -> error("authorization_pending", "The authorization request is still pending.");
      case EXPIRED -> error("expired_token", "The device code has expired.");
      case GRANTED -> new JsonObject()
          .put("access_token", "gho_sim" + DeviceAuthorizations.randomHex(16))
          .put("token_type", "bearer")
          .put("scope", "read:user");
    };
    OAuthReplies.send(ctx, answer);
  }

  private static JsonObject error(String code, String description) {
    return new JsonObject()
        .put("error", code)
        .put("error_description", description)
        .put("error_uri", "https://docs.github.com/developers/apps/authorizing-oauth-apps#error-codes-for-the-device-flow");
  }
}
