package io.ghcapi.gateway.admin;

import io.ghcapi.bus.Addresses;
import io.ghcapi.gateway.http.ApiError;
import io.ghcapi.gateway.http.ErrorShape;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /api/requests/import}: JSON Lines as a multipart {@code file} field (the dashboard) or as the
 * raw body ({@code curl --data-binary @requests.jl}), read as it arrives and handed to the cache in batches;
 * the upload pauses while a batch is stored, so memory holds one batch whatever the file size. Bad lines
 * are reported with their numbers (the first ten, and how many in all); the rest are imported.
 */
final class HistoryImport implements Handler<RoutingContext> {

  private static final int BATCH_LINES = 500;
  private static final int BATCH_BYTES = 4 << 20;
  private static final int MAX_LINE_BYTES = 64 << 20;
  private static final int ERRORS_SHOWN = 10;

  private final BusCalls bus;

  HistoryImport(BusCalls bus) {
    this.bus = bus;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String contentType = ctx.request().getHeader("Content-Type");
    if (contentType != null && contentType.toLowerCase().startsWith("multipart/form-data")) {
      boolean[] sawFile = new boolean[1];
      ctx.request().setExpectMultipart(true);
      ctx.request().uploadHandler(upload -> {
        if (sawFile[0]) {
          upload.handler(chunk -> { });
          return;
        }
        sawFile[0] = true;
        new Session(ctx).run(upload);
      });
      ctx.request().endHandler(v -> {
        if (!sawFile[0]) {
          ErrorShape.OPENAI.send(ctx.response(), ApiError.of(400, "no_file", "No file provided: send a multipart 'file'"));
        }
      });
    } else {
      new Session(ctx).run(ctx.request());
    }
  }

  /** One import: numbered lines in, batches to the cache, a report out. */
  private final class Session {
    private final RoutingContext ctx;
    private JsonArray batch = new JsonArray();
    private int batchBytes;
    private long batchFirstLine = 1;
    private long lineNumber;
    private long imported;
    private long totalErrors;
    private final JsonArray errors = new JsonArray();
    private boolean failed;

    Session(RoutingContext ctx) {
      this.ctx = ctx;
    }

    void run(ReadStream<Buffer> stream) {
      RecordParser lines = RecordParser.newDelimited("\n", stream).maxRecordSize(MAX_LINE_BYTES);
      lines.exceptionHandler(e -> {
        failed = true;
        ErrorShape.OPENAI.send(ctx.response(), ApiError.of(400, "unreadable_import",
            "Line " + (lineNumber + 1) + " could not be read: " + e.getMessage()));
      });
      lines.handler(line -> {
        lineNumber++;
        if (batch.isEmpty()) {
          batchFirstLine = lineNumber;
        }
        // Blank lines are sent too (the cache skips them), so its error line numbers stay exact.
        String text = line.toString(StandardCharsets.UTF_8).strip();
        batch.add(text);
        batchBytes += text.length();
        if (batch.size() >= BATCH_LINES || batchBytes >= BATCH_BYTES) {
          lines.pause();
          flush().onComplete(done -> {
            if (done.succeeded()) {
              lines.resume();
            } else {
              abort(done.cause());
            }
          });
        }
      });
      lines.endHandler(v -> flush().onComplete(done -> {
        if (done.failed()) {
          abort(done.cause());
        } else if (!failed) {
          ctx.json(new JsonObject().put("imported", imported).put("errors", errors).put("total_errors", totalErrors));
        }
      }));
    }

    /** Sends the pending lines; the cache numbers errors from {@code first_line_number}. */
    private Future<Void> flush() {
      if (batch.isEmpty() || failed) {
        return Future.succeededFuture();
      }
      JsonObject request = new JsonObject().put("lines", batch).put("first_line_number", batchFirstLine);
      batch = new JsonArray();
      batchBytes = 0;
      return bus.request(Addresses.HISTORY_IMPORT, request).map(reply -> {
        imported += reply.getLong("imported", 0L);
        JsonArray batchErrors = reply.getJsonArray("errors", new JsonArray());
        totalErrors += batchErrors.size();
        for (Object error : batchErrors) {
          if (errors.size() < ERRORS_SHOWN && error instanceof JsonObject e) {
            errors.add("Line " + e.getValue("line") + ": " + e.getString("message"));
          }
        }
        return null;
      });
    }

    private void abort(Throwable cause) {
      if (!failed) {
        failed = true;
        BusCalls.fail(ctx, cause);
      }
    }
  }
}
