package io.ghcapi.gateway.auth;

import io.vertx.core.json.JsonObject;

/** Bookkeeping of Copilot token refreshes, for the token status view. Times in epoch milliseconds, 0 = never. */
public record TokenStatus(long lastAttemptAt, long lastSuccessAt, boolean lastSucceeded, String lastError,
    long expiresAt) {

  static TokenStatus initial() {
    return new TokenStatus(0, 0, false, null, 0);
  }

  TokenStatus succeeded(long attemptAt, long successAt, long newExpiresAt) {
    return new TokenStatus(attemptAt, successAt, true, null, newExpiresAt);
  }

  TokenStatus failed(long attemptAt, String error) {
    return new TokenStatus(attemptAt, lastSuccessAt, false, error, expiresAt);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("last_refresh_attempt_at", lastAttemptAt / 1000.0)
        .put("last_refresh_success_at", lastSuccessAt / 1000.0)
        .put("last_refresh_succeeded", lastSucceeded)
        .put("last_refresh_error", lastError)
        .put("copilot_token_expires_at", expiresAt / 1000.0);
  }
}
