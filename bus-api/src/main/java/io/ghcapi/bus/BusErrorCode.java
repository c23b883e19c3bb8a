package io.ghcapi.bus;

/**
 * Failure codes of request/reply addresses, carried as {@code ReplyException.failureCode()} with a
 * readable message. Values are stable: plugins may switch on them.
 */
public enum BusErrorCode {
  /** The request payload is malformed or cannot be processed (HTTP 400 in spirit). */
  BAD_REQUEST(400),
  /** The caller may not do this (e.g. a file outside the working directory). */
  FORBIDDEN(403),
  /** The thing asked for does not exist. */
  NOT_FOUND(404),
  /** The call conflicts with the current state (a prompt already running, both sides changed). */
  CONFLICT(409),
  /** The responder failed unexpectedly. */
  INTERNAL(500),
  /** The responder is not able to serve now (overloaded, shutting down). */
  UNAVAILABLE(503);

  private final int code;

  BusErrorCode(int code) {
    this.code = code;
  }

  /** The numeric failure code sent on the bus. */
  public int code() {
    return code;
  }

  public static BusErrorCode fromCode(int code) {
    for (BusErrorCode value : values()) {
      if (value.code == code) {
        return value;
      }
    }
    return INTERNAL;
  }
}
