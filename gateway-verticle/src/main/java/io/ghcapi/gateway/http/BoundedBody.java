package io.ghcapi.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * Reads a whole (paused or flowing) stream into memory, failing as soon as it passes a size limit. Past the
 * limit the rest is read and dropped, not buffered: a paused HTTP/1 request would otherwise keep its
 * connection from ever answering.
 */
public final class BoundedBody {

  private BoundedBody() {
  }

  public static Future<Buffer> read(ReadStream<Buffer> stream, long limit) {
    Promise<Buffer> result = Promise.promise();
    Buffer body = Buffer.buffer();
    stream.exceptionHandler(result::tryFail);
    stream.handler(chunk -> {
      if (result.future().isComplete()) {
        return;
      }
      if ((long) body.length() + chunk.length() > limit) {
        result.tryFail(new BodyTooLargeException(limit));
        return;
      }
      body.appendBuffer(chunk);
    });
    stream.endHandler(v -> result.tryComplete(body));
    stream.resume();
    return result.future();
  }
}
