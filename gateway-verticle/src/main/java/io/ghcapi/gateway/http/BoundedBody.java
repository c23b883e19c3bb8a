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

  /** A declared size is trusted for the first allocation up to this much; past it the buffer grows as data comes. */
  private static final long MAX_PREALLOCATION = 8L << 20;

  private BoundedBody() {
  }

  public static Future<Buffer> read(ReadStream<Buffer> stream, long limit) {
    return read(stream, limit, -1);
  }

  /**
   * With the size the sender declared ({@code Content-Length}; -1 when unknown), the buffer is allocated once
   * at that size (up to {@link #MAX_PREALLOCATION}), not grown by doubling: a large body then costs its size
   * in memory, not up to three times, and a sender that declares much and sends little holds little.
   */
  public static Future<Buffer> read(ReadStream<Buffer> stream, long limit, long declaredBytes) {
    Promise<Buffer> result = Promise.promise();
    Buffer body = declaredBytes > 0 && declaredBytes <= limit
        ? Buffer.buffer((int) Math.min(declaredBytes, MAX_PREALLOCATION)) : Buffer.buffer();
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
