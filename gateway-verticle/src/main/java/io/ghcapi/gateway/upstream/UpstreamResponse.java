package io.ghcapi.gateway.upstream;

import io.vertx.core.http.HttpClientResponse;

/**
 * Copilot's answer, <b>paused</b>: the caller sets its handlers and then resumes it (or uses
 * {@code BoundedBody}). {@code attempts} counts the calls it took, retries included.
 */
public record UpstreamResponse(HttpClientResponse response, int attempts) {

  public int status() {
    return response.statusCode();
  }

  public boolean ok() {
    return response.statusCode() / 100 == 2;
  }
}
