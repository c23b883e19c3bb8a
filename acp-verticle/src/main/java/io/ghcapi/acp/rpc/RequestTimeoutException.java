package io.ghcapi.acp.rpc;

/** The agent did not answer a request within its deadline. */
public final class RequestTimeoutException extends RuntimeException {

  public RequestTimeoutException(String message) {
    super(message);
  }
}
