package io.ghcapi.app.cluster;

import io.ghcapi.bus.Addresses;
import io.ghcapi.bus.RequestRecord;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** An observer plugin: remembers the ids of completed requests it hears, and tells them on a local address. */
public final class CompletedRequestsObserver extends VerticleBase {

  static final String SEEN = "test.observer.seen";

  @Override
  public Future<?> start() {
    JsonArray seen = new JsonArray();
    vertx.eventBus().<JsonObject>consumer(Addresses.REQUEST_COMPLETED,
        message -> seen.add(message.body().getString(RequestRecord.ID)));
    return vertx.eventBus().localConsumer(SEEN, message -> message.reply(seen.copy())).completion();
  }
}
