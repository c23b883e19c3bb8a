package io.ghcapi.cache.store;

import io.ghcapi.bus.Addresses;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

/**
 * Publishes {@code ghc.history.changed}: {@code {version:1, kind, summary}} after each change. Local to
 * this node: every node's cache holds every node's records and tells its own listeners, so a listener
 * hears each change once, not once per node.
 */
final class HistoryEvents {

  private static final int VERSION = 1;
  private static final DeliveryOptions THIS_NODE = new DeliveryOptions().setLocalOnly(true);

  private final EventBus bus;

  HistoryEvents(EventBus bus) {
    this.bus = bus;
  }

  void started(JsonObject summary) {
    publish(event("started").put("summary", summary));
  }

  void completed(JsonObject summary) {
    publish(event("completed").put("summary", summary));
  }

  /** One event per import batch (not per line): {@code count} entries, {@code summary} of the last one. */
  void imported(int count, JsonObject lastSummary) {
    publish(event("imported").put("count", count).put("summary", lastSummary));
  }

  /** The summary is empty: there is no entry left to describe. */
  void cleared(int count) {
    publish(event("cleared").put("count", count).put("summary", new JsonObject()));
  }

  private void publish(JsonObject event) {
    bus.publish(Addresses.HISTORY_CHANGED, event, THIS_NODE);
  }

  private static JsonObject event(String kind) {
    return new JsonObject().put("version", VERSION).put("kind", kind);
  }
}
