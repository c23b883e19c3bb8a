package io.ghcapi.gateway.upstream;

/** The client went away, so the upstream call was abandoned. Nothing is sent to anyone. */
public final class ClientGoneException extends RuntimeException {

  public ClientGoneException() {
    super("client closed the connection", null, false, false);
  }
}
