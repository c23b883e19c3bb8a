package io.ghcapi.gateway.http;

/** A request body that is not usable JSON, with a message fit to show the client. */
public final class InvalidJsonException extends RuntimeException {

  public InvalidJsonException(String message) {
    super(message, null, false, false);
  }
}
