package io.ghcapi.simulator;

import java.util.Objects;

/**
 * A failure to inject into the next matching requests.
 *
 * <p>With a {@code null} path prefix the fault matches every data-plane path (the Copilot API).
 * With an explicit prefix it matches only requests whose path starts with it; an explicit prefix may
 * also target the GitHub side (for example {@code /copilot_internal/v2/token}), except that
 * {@link FaultKind#UNAUTHORIZED} never applies to the token endpoint. Control paths ({@code /_sim/*})
 * are never faulted.
 *
 * @param kind what happens
 * @param pathPrefix the paths it applies to, or {@code null} for every data-plane path
 * @param times how many matching requests it applies to before it is used up
 * @param delayMs for {@link FaultKind#SLOW_FIRST_BYTE}: how long the headers are held back
 * @param retryAfterSeconds for {@link FaultKind#RATE_LIMITED}: the {@code retry-after} value
 * @param afterChunks for {@link FaultKind#RESET_MID_STREAM}: stream events written before the reset
 */
public record Fault(FaultKind kind, String pathPrefix, int times, long delayMs, int retryAfterSeconds, int afterChunks) {

  public Fault {
    Objects.requireNonNull(kind, "kind");
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1, was " + times);
    }
    if (delayMs < 0 || retryAfterSeconds < 0 || afterChunks < 0) {
      throw new IllegalArgumentException("delayMs, retryAfterSeconds and afterChunks must not be negative");
    }
    if (pathPrefix != null && !pathPrefix.startsWith("/")) {
      throw new IllegalArgumentException("pathPrefix must start with '/', was " + pathPrefix);
    }
  }

  /** 401 for the next {@code times} requests, whatever token they carry. */
  public static Fault unauthorized(int times) {
    return new Fault(FaultKind.UNAUTHORIZED, null, times, 0, 0, 0);
  }

  /** 429 with {@code retry-after: retryAfterSeconds} for the next {@code times} requests. */
  public static Fault rateLimited(int times, int retryAfterSeconds) {
    return new Fault(FaultKind.RATE_LIMITED, null, times, 0, retryAfterSeconds, 0);
  }

  /** 500 for the next {@code times} requests. */
  public static Fault serverError(int times) {
    return new Fault(FaultKind.SERVER_ERROR, null, times, 0, 0, 0);
  }

  /** The next request's stream stops after {@code afterChunks} events and its connection is dropped. */
  public static Fault resetMidStream(int afterChunks) {
    return new Fault(FaultKind.RESET_MID_STREAM, null, 1, 0, 0, afterChunks);
  }

  /** The next request's status and headers are held back for {@code delayMs}. */
  public static Fault slowFirstByte(long delayMs) {
    return new Fault(FaultKind.SLOW_FIRST_BYTE, null, 1, delayMs, 0, 0);
  }

  /** The next {@code times} requests have their connection closed without any response. */
  public static Fault resetBeforeResponse(int times) {
    return new Fault(FaultKind.RESET_BEFORE_RESPONSE, null, times, 0, 0, 0);
  }

  /** A copy of this fault that only matches paths starting with {@code pathPrefix}. */
  public Fault onPath(String pathPrefix) {
    return new Fault(kind, Objects.requireNonNull(pathPrefix, "pathPrefix"), times, delayMs, retryAfterSeconds, afterChunks);
  }

  /** A copy of this fault that applies to {@code times} matching requests. */
  public Fault times(int times) {
    return new Fault(kind, pathPrefix, times, delayMs, retryAfterSeconds, afterChunks);
  }
}
