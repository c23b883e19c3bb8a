package io.ghcapi.acp.session;

import io.ghcapi.bus.BusErrorCode;

/** A request that cannot be done in the session's current state or with the given input. */
public final class RefusedException extends RuntimeException {

  private final BusErrorCode code;

  public RefusedException(BusErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public BusErrorCode code() {
    return code;
  }
}
