package io.ghcapi.sync.api;

import io.ghcapi.bus.BusErrorCode;

/** A refused call: becomes {@code message.fail(code, message)}, which the gateway answers with that status. */
final class ApiFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final BusErrorCode code;

  ApiFailure(BusErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  BusErrorCode code() {
    return code;
  }
}
