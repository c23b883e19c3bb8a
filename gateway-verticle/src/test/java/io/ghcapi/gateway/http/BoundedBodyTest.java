package io.ghcapi.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.streams.ReadStream;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 5, timeUnit = TimeUnit.SECONDS)
class BoundedBodyTest {

  /** A hand-driven stream, to control chunks, end and failure exactly. */
  private static final class FakeStream implements ReadStream<Buffer> {
    Handler<Buffer> handler;
    Handler<Void> endHandler;
    Handler<Throwable> exceptionHandler;
    boolean paused = true;
    int resumes;

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> h) {
      exceptionHandler = h;
      return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> h) {
      handler = h;
      return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
      paused = true;
      return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
      paused = false;
      resumes++;
      return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
      return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> h) {
      endHandler = h;
      return this;
    }
  }

  @Test
  void streamUnderTheLimitCompletes(VertxTestContext ctx) {
    FakeStream stream = new FakeStream();
    Future<Buffer> body = BoundedBody.read(stream, 10);
    assertFalse(stream.paused, "read must resume a paused stream");
    stream.handler.handle(Buffer.buffer("hello"));
    stream.handler.handle(Buffer.buffer("world"));
    stream.endHandler.handle(null);
    assertTrue(body.succeeded());
    assertEquals("helloworld", body.result().toString());
    ctx.completeNow();
  }

  @Test
  void aDeclaredSizeOnlySizesTheBufferWhateverComes(VertxTestContext ctx) {
    assertEquals("hello", fed(100, 50, "hello").result().toString());
    assertEquals("helloworld", fed(100, 3, "hello", "world").result().toString());
    assertInstanceOf(BodyTooLargeException.class, fed(8, 4, "helloworld").cause(),
        "the limit holds whatever was declared");
    ctx.completeNow();
  }

  /** A body read with a declared size from the given chunks, then the end. */
  private static Future<Buffer> fed(long limit, long declaredBytes, String... chunks) {
    FakeStream stream = new FakeStream();
    Future<Buffer> body = BoundedBody.read(stream, limit, declaredBytes);
    for (String chunk : chunks) {
      stream.handler.handle(Buffer.buffer(chunk));
    }
    stream.endHandler.handle(null);
    return body;
  }

  @Test
  void streamOverTheLimitFailsAndDrainsTheRest(VertxTestContext ctx) {
    FakeStream stream = new FakeStream();
    Future<Buffer> body = BoundedBody.read(stream, 10);
    stream.handler.handle(Buffer.buffer("hello"));
    stream.handler.handle(Buffer.buffer("world!"));
    assertTrue(body.failed());
    BodyTooLargeException e = assertInstanceOf(BodyTooLargeException.class, body.cause());
    assertEquals(10, e.limit());
    assertTrue(e.getMessage().contains("10 bytes"), e.getMessage());
    // the rest is read and dropped (a paused HTTP/1 request could never be answered); the end changes nothing
    assertFalse(stream.paused, "the stream keeps flowing so the connection can answer");
    stream.handler.handle(Buffer.buffer("more"));
    stream.endHandler.handle(null);
    assertInstanceOf(BodyTooLargeException.class, body.cause());
    ctx.completeNow();
  }

  @Test
  void streamFailureFailsTheBody(VertxTestContext ctx) {
    FakeStream stream = new FakeStream();
    Future<Buffer> body = BoundedBody.read(stream, 10);
    stream.handler.handle(Buffer.buffer("abc"));
    RuntimeException boom = new RuntimeException("connection reset");
    stream.exceptionHandler.handle(boom);
    assertTrue(body.failed());
    assertEquals(boom, body.cause());
    ctx.completeNow();
  }

  @Test
  void emptyStreamGivesAnEmptyBody(VertxTestContext ctx) {
    FakeStream stream = new FakeStream();
    Future<Buffer> body = BoundedBody.read(stream, 10);
    stream.endHandler.handle(null);
    assertEquals(0, body.result().length());
    ctx.completeNow();
  }

  // ---- with a real HTTP request body ----

  private static Future<HttpServer> server(Vertx vertx, long limit, AtomicReference<Throwable> failure) {
    return vertx.createHttpServer().requestHandler(req -> {
      req.pause();
      BoundedBody.read(req, limit).onComplete(result -> {
        if (result.succeeded()) {
          req.response().end("got " + result.result().length());
        } else {
          failure.set(result.cause());
          req.response().setStatusCode(413).end(result.cause().getClass().getSimpleName());
        }
      });
    }).listen(0, "127.0.0.1");
  }

  private static Future<String> post(Vertx vertx, int port, Buffer body) {
    HttpClient client = vertx.createHttpClient();
    return client.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port).setURI("/"))
        .compose(req -> req.send(body))
        .compose(resp -> resp.body().map(b -> resp.statusCode() + " " + b))
        .eventually(client::close);
  }

  @Test
  void httpBodyAtTheLimitCompletes(Vertx vertx, VertxTestContext ctx) {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    server(vertx, 4096, failure)
        .compose(s -> post(vertx, s.actualPort(), Buffer.buffer(new byte[4096])))
        .onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
          assertEquals("200 got 4096", answer);
          assertEquals(null, failure.get());
          ctx.completeNow();
        })));
  }

  @Test
  void httpBodyFarOverTheLimitIsAnswered(Vertx vertx, VertxTestContext ctx) {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    server(vertx, 4096, failure)
        .compose(s -> post(vertx, s.actualPort(), Buffer.buffer(new byte[512 * 1024])))
        .onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
          assertEquals("413 BodyTooLargeException", answer);
          assertInstanceOf(BodyTooLargeException.class, failure.get());
          ctx.completeNow();
        })));
  }

  @Test
  void httpBodyOverTheLimitFails(Vertx vertx, VertxTestContext ctx) {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    server(vertx, 4096, failure)
        .compose(s -> post(vertx, s.actualPort(), Buffer.buffer(new byte[4097])))
        .onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
          assertEquals("413 BodyTooLargeException", answer);
          assertInstanceOf(BodyTooLargeException.class, failure.get());
          ctx.completeNow();
        })));
  }
}
