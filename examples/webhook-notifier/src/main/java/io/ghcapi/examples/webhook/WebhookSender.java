package io.ghcapi.examples.webhook;

import io.ghcapi.examples.webhook.WebhookNotifier.NotifierSettings;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.logging.Logger;

/**
 * Delivers notices one at a time, in order, from a bounded queue: a full queue drops the new notice (counted);
 * a failed post (error, timeout or non-2xx answer) is retried with doubling delays, then given up (counted).
 * Runs on the plugin's event loop only.
 */
final class WebhookSender {

  private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());

  private final Vertx vertx;
  private final NotifierSettings settings;
  private final HttpClient client;
  private final ArrayDeque<JsonObject> queue = new ArrayDeque<>();
  private boolean sending;
  private boolean closed;
  private long delivered;
  private long retried;
  private long droppedQueueFull;
  private long gaveUp;

  WebhookSender(Vertx vertx, NotifierSettings settings) {
    this.vertx = vertx;
    this.settings = settings;
    this.client = vertx.createHttpClient(new HttpClientOptions().setSsl(settings.url().getScheme().equals("https"))
        .setConnectTimeout((int) settings.timeoutMillis()));
  }

  void offer(JsonObject notice) {
    if (closed) {
      return;
    }
    if (queue.size() >= settings.queueSize()) {
      droppedQueueFull++;
      return;
    }
    queue.add(notice);
    sendNext();
  }

  private void sendNext() {
    if (sending || closed || queue.isEmpty()) {
      return;
    }
    sending = true;
    attempt(queue.poll(), 1);
  }

  private void attempt(JsonObject notice, int attempt) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(settings.url().toString())
        .setTimeout(settings.timeoutMillis()).putHeader("Content-Type", "application/json");
    client.request(options)
        .compose(request -> request.send(notice.toBuffer()))
        .compose(response -> response.body().map(body -> response.statusCode()))
        .onComplete(result -> {
          if (result.succeeded() && result.result() / 100 == 2) {
            delivered++;
            done();
          } else if (attempt < settings.maxAttempts() && !closed) {
            retried++;
            long delay = settings.backoffMillis() << (attempt - 1);
            vertx.setTimer(Math.max(1, delay), id -> attempt(notice, attempt + 1));
          } else {
            gaveUp++;
            LOG.warning("Webhook " + settings.url().getHost() + " did not take a notice after " + attempt + " attempts ("
                + (result.succeeded() ? "HTTP " + result.result() : result.cause().getMessage()) + ")");
            done();
          }
        });
  }

  private void done() {
    sending = false;
    sendNext();
  }

  JsonObject stats() {
    return new JsonObject().put("version", 1).put("queued", queue.size()).put("delivered", delivered)
        .put("retried", retried).put("dropped_queue_full", droppedQueueFull).put("gave_up", gaveUp);
  }

  void close() {
    closed = true;
    queue.clear();
    client.close();
  }
}
