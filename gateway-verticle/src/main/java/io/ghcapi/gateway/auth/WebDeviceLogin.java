package io.ghcapi.gateway.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.function.Supplier;

/**
 * GitHub's device login started from the web UI (seed §1.4): one login at a time, polled in the
 * background; its public status never contains the device code. On success the token is saved, replaces
 * the GitHub token in use, and a fresh Copilot token and model list follow.
 */
public final class WebDeviceLogin {

  /** Where a login is. */
  public enum Status { IDLE, STARTING, PENDING, COMPLETING, SUCCESS, ERROR }

  private final Vertx vertx;
  private final WebClient web;
  private final GithubUrls urls;
  private final String clientId;
  private final GithubCredentials credentials;
  private final Supplier<Future<?>> afterLogin;

  private Status status = Status.IDLE;
  private DeviceCode code;
  private long startedAt;
  private long completedAt;
  private String error;
  private String message;

  /**
   * @param afterLogin what to refresh once the new token is in place (the model list)
   */
  public WebDeviceLogin(Vertx vertx, WebClient web, GithubUrls urls, String clientId, GithubCredentials credentials,
      Supplier<Future<?>> afterLogin) {
    this.vertx = vertx;
    this.web = web;
    this.urls = urls;
    this.clientId = clientId;
    this.credentials = credentials;
    this.afterLogin = afterLogin;
  }

  /** Starts a login, or returns the one in progress. Fails when GitHub refused to start one. */
  public synchronized Future<JsonObject> start() {
    if (status == Status.STARTING || status == Status.COMPLETING
        || status == Status.PENDING && System.currentTimeMillis() < expiresAt()) {
      return Future.succeededFuture(statusJson());
    }
    DeviceFlowClient flow;
    try {
      flow = new DeviceFlowClient(vertx, web, urls, clientId);
    } catch (IllegalArgumentException e) {
      return fail(e.getMessage());
    }
    status = Status.STARTING;
    startedAt = System.currentTimeMillis();
    code = null;
    error = null;
    message = null;
    return flow.start().compose(started -> {
      synchronized (this) {
        code = started;
        status = Status.PENDING;
      }
      flow.awaitToken(started).onComplete(result -> {
        if (result.succeeded()) {
          complete(result.result());
        } else {
          fail(result.cause().getMessage());
        }
      });
      return Future.succeededFuture(statusJson());
    }, e -> fail(e.getMessage()));
  }

  private void complete(String token) {
    synchronized (this) {
      status = Status.COMPLETING;
    }
    vertx.executeBlocking(() -> {
      credentials.saver().save(token);
      return token;
    }, false).onComplete(saved -> {
      if (saved.failed()) {
        fail("Signed in, but the token could not be saved: " + saved.cause().getMessage());
        return;
      }
      credentials.replace(token, GithubCredentials.Source.DEVICE_FLOW);
      afterLogin.get().onComplete(refreshed -> {
        synchronized (this) {
          status = Status.SUCCESS;
          completedAt = System.currentTimeMillis();
          message = refreshed.succeeded() ? "Signed in to GitHub; Copilot is ready."
              : "Signed in to GitHub, but Copilot did not answer yet: " + refreshed.cause().getMessage();
        }
      });
    });
  }

  private synchronized <T> Future<T> fail(String reason) {
    status = Status.ERROR;
    error = reason;
    completedAt = System.currentTimeMillis();
    return Future.failedFuture(reason);
  }

  private long expiresAt() {
    return code == null ? 0 : startedAt + code.expiresInSeconds() * 1000L;
  }

  /** The public status: never the device code. */
  public synchronized JsonObject statusJson() {
    return new JsonObject()
        .put("status", status.name().toLowerCase())
        .put("user_code", code == null ? null : code.userCode())
        .put("verification_uri", code == null ? null : code.verificationUri())
        .put("expires_in", code == null ? null : code.expiresInSeconds())
        .put("interval", code == null ? null : code.intervalSeconds())
        .put("started_at", startedAt == 0 ? null : startedAt / 1000.0)
        .put("expires_at", code == null ? null : expiresAt() / 1000.0)
        .put("completed_at", completedAt == 0 ? null : completedAt / 1000.0)
        .put("error", error)
        .put("message", message);
  }
}
