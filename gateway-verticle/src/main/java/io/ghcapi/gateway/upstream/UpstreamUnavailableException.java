package io.ghcapi.gateway.upstream;

/** Copilot could not be reached (or the connection broke before an answer) after every allowed attempt. */
public final class UpstreamUnavailableException extends RuntimeException {

  private final int attempts;
  private final boolean timeout;

  public UpstreamUnavailableException(int attempts, boolean timeout, Throwable cause) {
    super("Upstream connection error after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ")
        + describe(cause), cause, false, false);
    this.attempts = attempts;
    this.timeout = timeout;
  }

  public int attempts() {
    return attempts;
  }

  /** True when Copilot accepted the request but went silent past the read timeout. */
  public boolean timeout() {
    return timeout;
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
  }
}
