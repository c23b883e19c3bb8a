package io.ghcapi.simulator;

/** What an injected {@link Fault} does to the request it matches. */
public enum FaultKind {
  /** Answer 401 whatever the token. */
  UNAUTHORIZED,
  /** Answer 429 with a {@code retry-after} header. */
  RATE_LIMITED,
  /** Answer 500. */
  SERVER_ERROR,
  /** Send some stream chunks, then drop the connection (non-streamed answers: drop before answering). */
  RESET_MID_STREAM,
  /** Hold the response status and headers back for a while. */
  SLOW_FIRST_BYTE,
  /** Drop the connection without writing anything. */
  RESET_BEFORE_RESPONSE
}
