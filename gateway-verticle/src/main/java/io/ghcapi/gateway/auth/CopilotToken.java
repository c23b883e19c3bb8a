package io.ghcapi.gateway.auth;

/**
 * A Copilot API token held in memory only. {@code refreshAtMillis} is when a background refresh should
 * replace it; {@code expiresAtMillis} is when it stops being usable. {@code apiBaseUrl} is the Copilot API
 * host that came with the token, if any.
 */
public record CopilotToken(String value, long obtainedAtMillis, long refreshAtMillis, long expiresAtMillis, String apiBaseUrl) {

  /** Usable for a request that starts now: not expired, with a few seconds to spare for the request to arrive. */
  public boolean usableAt(long nowMillis) {
    return nowMillis < expiresAtMillis - 5_000;
  }

  @Override
  public String toString() {
    return "CopilotToken[expiresAt=" + expiresAtMillis + "]";
  }
}
