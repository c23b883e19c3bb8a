package io.ghcapi.cache.query;

import io.ghcapi.bus.BusErrorCode;

/** A request the cache refuses, with the bus failure code to answer it with. */
public final class RequestException extends RuntimeException {

  private final BusErrorCode code;

  private RequestException(BusErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public static RequestException badRequest(String message) {
    return new RequestException(BusErrorCode.BAD_REQUEST, message);
  }

  public static RequestException notFound(String message) {
    return new RequestException(BusErrorCode.NOT_FOUND, message);
  }

  public BusErrorCode code() {
    return code;
  }
}
