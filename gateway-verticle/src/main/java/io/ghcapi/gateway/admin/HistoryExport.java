package io.ghcapi.gateway.admin;

import io.ghcapi.bus.Addresses;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code GET /api/requests/export}: JSON Lines, oldest first, fetched from the cache one page at a time and
 * written as they come, waiting for the client to drain: a large history is never held whole.
 */
final class HistoryExport implements Handler<RoutingContext> {

  private static final int PAGE_BYTES = 1 << 20;

  private final BusCalls bus;

  HistoryExport(BusCalls bus) {
    this.bus = bus;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String name = "requests_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")) + ".jl";
    bus.request(Addresses.HISTORY_EXPORT, page(0)).onComplete(first -> {
      if (first.failed()) {
        BusCalls.fail(ctx, first.cause());
        return;
      }
      HttpServerResponse response = ctx.response().setChunked(true)
          .putHeader("Content-Type", "application/x-jsonlines")
          .putHeader("Content-Disposition", "attachment; filename=" + name);
      write(response, first.result());
    });
  }

  private void write(HttpServerResponse response, JsonObject page) {
    if (response.closed()) {
      return;
    }
    String lines = page.getString("lines", "");
    if (!lines.isEmpty()) {
      response.write(lines);
    }
    Long next = page.getLong("next_cursor");
    if (next == null) {
      response.end();
      return;
    }
    Runnable fetchNext = () -> bus.request(Addresses.HISTORY_EXPORT, page(next)).onComplete(result -> {
      if (result.failed()) {
        response.reset();
      } else {
        write(response, result.result());
      }
    });
    if (response.writeQueueFull()) {
      response.drainHandler(v -> fetchNext.run());
    } else {
      fetchNext.run();
    }
  }

  private static JsonObject page(long cursor) {
    return new JsonObject().put("cursor", cursor).put("max_bytes", PAGE_BYTES);
  }
}
