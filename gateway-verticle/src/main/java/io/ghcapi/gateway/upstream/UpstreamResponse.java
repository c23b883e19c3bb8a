package io.ghcapi.gateway.upstream;

import io.ghcapi.gateway.http.BoundedBody;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;

/**
 * Copilot's answer, <b>paused</b>: the caller sets its handlers and then resumes it, or reads it whole with
 * {@link #body(long)}. {@code attempts} counts the calls it took, retries included. When the body was
 * already read (to look into an error before deciding to retry), it is kept here and {@link #body} gives it.
 */
public record UpstreamResponse(HttpClientResponse response, int attempts, Buffer readBody) {

  public UpstreamResponse(HttpClientResponse response, int attempts) {
    this(response, attempts, null);
  }

  public int status() {
    return response.statusCode();
  }

  public boolean ok() {
    return response.statusCode() / 100 == 2;
  }

  /** The whole body, at most {@code limit} bytes. */
  public Future<Buffer> body(long limit) {
    return readBody != null ? Future.succeededFuture(readBody) : BoundedBody.read(response, limit);
  }

  /** The same answer, its body already read. */
  public UpstreamResponse withBody(Buffer body) {
    return new UpstreamResponse(response, attempts, body);
  }
}
