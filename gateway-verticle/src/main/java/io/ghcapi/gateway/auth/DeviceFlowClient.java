package io.ghcapi.gateway.auth;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

/**
 * GitHub's OAuth device flow (seed §1.4), without blocking: {@link #start()} gets a user code, then
 * {@link #awaitToken(DeviceCode)} polls on timers until the person approves, denies or the code expires.
 */
public final class DeviceFlowClient {

  private static final long HTTP_TIMEOUT_MILLIS = 30_000;
  private static final String SCOPE = "read:user copilot";
  private static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:device_code";

  private final Vertx vertx;
  private final WebClient web;
  private final String webOrigin;
  private final String clientId;

  public DeviceFlowClient(Vertx vertx, WebClient web, GithubUrls urls, String clientId) {
    this.vertx = vertx;
    this.web = web;
    this.webOrigin = urls.oauthWebOrigin().orElseThrow(() -> new IllegalArgumentException(
        "Device login is not available for GitHub API " + urls.apiBaseUrl()
            + ": use https://api.github.com or https://api.<tenant>.ghe.com"));
    this.clientId = clientId;
  }

  public Future<DeviceCode> start() {
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add("client_id", clientId).add("scope", SCOPE);
    return web.postAbs(webOrigin + "/login/device/code")
        .putHeader("Accept", "application/json")
        .timeout(HTTP_TIMEOUT_MILLIS)
        .sendForm(form)
        .compose(this::toDeviceCode);
  }

  /** Polls until GitHub answers with a token (success) or a final error (failure with a readable message). */
  public Future<String> awaitToken(DeviceCode code) {
    Promise<String> result = Promise.promise();
    long deadline = System.currentTimeMillis() + code.expiresInSeconds() * 1000L;
    pollAfter(code, code.intervalSeconds(), deadline, result);
    return result.future();
  }

  private void pollAfter(DeviceCode code, int intervalSeconds, long deadline, Promise<String> result) {
    if (System.currentTimeMillis() >= deadline) {
      result.fail("Authorization timed out. Please try again.");
      return;
    }
    vertx.setTimer(intervalSeconds * 1000L, id -> poll(code).onComplete(answer -> {
      if (answer.failed()) {
        pollAfter(code, intervalSeconds, deadline, result);
        return;
      }
      JsonObject json = answer.result();
      String token = json.getString("access_token");
      if (token != null && !token.isBlank()) {
        result.complete(token);
        return;
      }
      String error = json.getString("error", "");
      switch (error) {
        case "authorization_pending", "" -> pollAfter(code, intervalSeconds, deadline, result);
        case "slow_down" -> pollAfter(code, intervalSeconds + 5, deadline, result);
        case "expired_token" -> result.fail("Authorization expired. Please try again.");
        case "access_denied" -> result.fail("Authorization denied by user.");
        default -> result.fail(json.getString("error_description", error));
      }
    }));
  }

  /** One poll; a network error or non-2xx answer fails, which the caller treats as "keep polling". */
  private Future<JsonObject> poll(DeviceCode code) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap()
        .add("client_id", clientId).add("device_code", code.deviceCode()).add("grant_type", GRANT_TYPE);
    return web.postAbs(webOrigin + "/login/oauth/access_token")
        .putHeader("Accept", "application/json")
        .timeout(HTTP_TIMEOUT_MILLIS)
        .sendForm(form)
        .compose(response -> response.statusCode() / 100 == 2
            ? Future.succeededFuture(response.bodyAsJsonObject())
            : Future.failedFuture("HTTP " + response.statusCode()));
  }

  private Future<DeviceCode> toDeviceCode(HttpResponse<Buffer> response) {
    if (response.statusCode() / 100 != 2) {
      return Future.failedFuture("GitHub refused to start a device login: HTTP " + response.statusCode() + " "
          + response.bodyAsString());
    }
    JsonObject json = response.bodyAsJsonObject();
    String deviceCode = json.getString("device_code");
    String userCode = json.getString("user_code");
    String uri = json.getString("verification_uri");
    if (deviceCode == null || userCode == null || uri == null) {
      return Future.failedFuture("GitHub's device login answer lacks device_code, user_code or verification_uri");
    }
    return Future.succeededFuture(new DeviceCode(deviceCode, userCode, uri,
        json.getInteger("expires_in", 900), json.getInteger("interval", 5)));
  }
}
