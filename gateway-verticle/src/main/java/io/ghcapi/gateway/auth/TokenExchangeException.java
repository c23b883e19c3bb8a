package io.ghcapi.gateway.auth;

/** The GitHub token could not be exchanged for a Copilot token. */
public final class TokenExchangeException extends RuntimeException {

  /** Why, which decides what the client is told. */
  public enum Reason {
    /** There is no GitHub token at all. */
    NO_GITHUB_TOKEN,
    /** GitHub refused the token (401/403): log in again. */
    GITHUB_TOKEN_REJECTED,
    /** GitHub answered with another error, or could not be reached. */
    EXCHANGE_FAILED
  }

  private final Reason reason;
  private final int status;

  public TokenExchangeException(Reason reason, int status, String message) {
    super(message, null, false, false);
    this.reason = reason;
    this.status = status;
  }

  public Reason reason() {
    return reason;
  }

  /** GitHub's HTTP status, or 0 when there was no answer. */
  public int status() {
    return status;
  }
}
