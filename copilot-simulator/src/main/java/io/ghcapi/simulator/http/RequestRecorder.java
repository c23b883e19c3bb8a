package io.ghcapi.simulator.http;

import io.ghcapi.simulator.RecordedRequest;
import io.ghcapi.simulator.recording.RequestLog;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Records received requests; installed only when recording is on. */
public final class RequestRecorder implements Handler<RoutingContext> {

  /** Longer bodies are cut, so a burst of huge requests cannot hold on to unbounded memory. */
  static final int MAX_RECORDED_BODY_BYTES = 8 << 20;

  private final RequestLog log;
  private final String ignoredPrefix;

  /** Records into {@code log} every request whose path does not start with {@code ignoredPrefix}. */
  public RequestRecorder(RequestLog log, String ignoredPrefix) {
    this.log = log;
    this.ignoredPrefix = ignoredPrefix;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String path = ctx.request().path();
    if (!path.startsWith(ignoredPrefix)) {
      log.add(new RecordedRequest(ctx.request().method().name(), path, ctx.request().query(), headers(ctx),
          body(ctx.body().buffer()), System.currentTimeMillis()));
    }
    ctx.next();
  }

  private static Map<String, String> headers(RoutingContext ctx) {
    Map<String, String> headers = new LinkedHashMap<>();
    ctx.request().headers().forEach(header ->
        headers.merge(header.getKey().toLowerCase(Locale.ROOT), header.getValue(), (a, b) -> a + ", " + b));
    return headers;
  }

  private static String body(Buffer body) {
    if (body == null) {
      return "";
    }
    if (body.length() > MAX_RECORDED_BODY_BYTES) {
      return body.getString(0, MAX_RECORDED_BODY_BYTES);
    }
    return body.toString();
  }
}
