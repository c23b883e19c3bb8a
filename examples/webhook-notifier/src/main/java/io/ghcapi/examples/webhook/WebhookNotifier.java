package io.ghcapi.examples.webhook;

import io.ghcapi.bus.Addresses;
import io.ghcapi.bus.RequestRecord;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.net.URI;

/**
 * Posts failed requests to a webhook (chat room, incident tool). Observes {@code ghc.request.completed}, which
 * every node publishes, so one notifier in a cluster hears the failures of all nodes.
 *
 * <p>Config: {@code url} (required, http or https), {@code min_status} (default 500: server errors; 400 for client
 * errors too), {@code queue_size} (default 100), {@code max_attempts} (default 4), {@code backoff_ms} (first retry
 * delay, doubled each time, default 500), {@code timeout_ms} (per post, default 5000), {@code name}. Its counters
 * answer on {@code ghc.plugin.webhook-notifier.stats} (or {@code ghc.plugin.<name>.stats}).
 */
public final class WebhookNotifier extends VerticleBase {

  private MessageConsumer<JsonObject> completed;
  private MessageConsumer<JsonObject> stats;
  private WebhookSender sender;

  @Override
  public Future<?> start() {
    NotifierSettings settings;
    try {
      settings = NotifierSettings.from(config());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    sender = new WebhookSender(vertx, settings);
    completed = vertx.eventBus().consumer(Addresses.REQUEST_COMPLETED, message -> {
      JsonObject record = message.body();
      if (record.getInteger(RequestRecord.STATUS_CODE, 0) >= settings.minStatus()) {
        sender.offer(FailureNotice.of(record));
      }
    });
    stats = vertx.eventBus().localConsumer("ghc.plugin." + settings.name() + ".stats",
        message -> message.reply(sender.stats()));
    return Future.all(completed.completion(), stats.completion());
  }

  @Override
  public Future<?> stop() {
    sender.close();
    return Future.all(completed.unregister(), stats.unregister());
  }

  /** The settings, validated. */
  record NotifierSettings(String name, URI url, int minStatus, int queueSize, int maxAttempts, long backoffMillis,
      long timeoutMillis) {

    static NotifierSettings from(JsonObject config) {
      String url = config.getString("url");
      if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
        throw new IllegalArgumentException("url must be the webhook's http:// or https:// address, got " + url);
      }
      int queueSize = config.getInteger("queue_size", 100);
      int maxAttempts = config.getInteger("max_attempts", 4);
      if (queueSize < 1 || queueSize > 100_000 || maxAttempts < 1 || maxAttempts > 20) {
        throw new IllegalArgumentException("queue_size must be 1-100000 and max_attempts 1-20");
      }
      return new NotifierSettings(config.getString("name", "webhook-notifier"), URI.create(url),
          config.getInteger("min_status", 500), queueSize, maxAttempts, config.getLong("backoff_ms", 500L),
          config.getLong("timeout_ms", 5_000L));
    }
  }
}
