package io.ghcapi.acp.rpc;

/** A request could not complete because the connection to the agent ended first. */
public final class ConnectionClosedException extends RuntimeException {

  public ConnectionClosedException(String message) {
    super(message);
  }
}
