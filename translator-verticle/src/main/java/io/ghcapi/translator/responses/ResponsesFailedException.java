package io.ghcapi.translator.responses;

import io.ghcapi.translator.StreamError;

/** An upstream Responses answer that reports {@code status: "failed"}: there is no completion to translate. */
public final class ResponsesFailedException extends RuntimeException {

  private final StreamError error;

  public ResponsesFailedException(StreamError error) {
    super(error.message(), null, false, false);
    this.error = error;
  }

  /** The failure with the status the client should see (400 context overflow, 429 rate limit, else 502). */
  public StreamError error() {
    return error;
  }
}
