package io.ghcapi.simulator.github;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** {@code POST /login/device/code}: starts a device-flow login. */
public final class DeviceCodeHandler implements Handler<RoutingContext> {

  /** Always the same, so a demo or a test can show it. */
  public static final String USER_CODE = "ABCD-1234";

  private final DeviceAuthorizations authorizations;
  private final int intervalSeconds;

  public DeviceCodeHandler(DeviceAuthorizations authorizations, int intervalSeconds) {
    this.authorizations = authorizations;
    this.intervalSeconds = intervalSeconds;
  }

  @Override
  public void handle(RoutingContext ctx) {
    OAuthReplies.send(ctx, new JsonObject()
        .put("device_code", authorizations.start())
        .put("user_code", USER_CODE)
        .put("verification_uri", "https://github.com/login/device")
        .put("expires_in", DeviceAuthorizations.EXPIRES_IN_SECONDS)
        .put("interval", intervalSeconds));
  }
}
