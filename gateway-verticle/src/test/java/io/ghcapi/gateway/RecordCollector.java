package io.ghcapi.gateway;

import io.ghcapi.bus.Addresses;
import io.ghcapi.bus.RequestRecord;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Listens to the gateway's request records on the event bus, as a plugin would. */
final class RecordCollector {

  private final LinkedBlockingQueue<RequestRecord> started = new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<RequestRecord> completed = new LinkedBlockingQueue<>();
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();

  RecordCollector(Vertx vertx) {
    MessageConsumer<JsonObject> a = vertx.eventBus().consumer(Addresses.REQUEST_STARTED,
        m -> started.add(RequestRecord.fromJson(m.body())));
    MessageConsumer<JsonObject> b = vertx.eventBus().consumer(Addresses.REQUEST_COMPLETED,
        m -> completed.add(RequestRecord.fromJson(m.body())));
    consumers.add(a);
    consumers.add(b);
    Await.result(a.completion());
    Await.result(b.completion());
  }

  RequestRecord nextCompleted() {
    return next(completed, r -> true);
  }

  RequestRecord nextCompleted(Predicate<RequestRecord> match) {
    return next(completed, match);
  }

  RequestRecord nextStarted() {
    return next(started, r -> true);
  }

  private static RequestRecord next(LinkedBlockingQueue<RequestRecord> queue, Predicate<RequestRecord> match) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try {
      while (System.nanoTime() < deadline) {
        RequestRecord record = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (record != null && match.test(record)) {
          return record;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new AssertionError("no matching request record within 10 s");
  }
}
