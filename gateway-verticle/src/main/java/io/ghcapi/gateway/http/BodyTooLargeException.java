package io.ghcapi.gateway.http;

/** A body went past its size limit; nothing more of it is read. */
public final class BodyTooLargeException extends RuntimeException {

  private final long limit;

  public BodyTooLargeException(long limit) {
    super("Request body is larger than the limit of " + limit + " bytes", null, false, false);
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
