package io.ghcapi.cache;

import io.ghcapi.bus.Addresses;
import io.ghcapi.bus.BusErrorCode;
import io.ghcapi.cache.files.DailyRequestFiles;
import io.ghcapi.cache.query.HistoryQueries;
import io.ghcapi.cache.query.HistoryTransfer;
import io.ghcapi.cache.query.LedgerQueries;
import io.ghcapi.cache.query.RequestException;
import io.ghcapi.cache.store.HistoryRecovery;
import io.ghcapi.cache.store.HistoryStore;
import io.ghcapi.cache.sync.PeerSync;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The request history, statistics and token-usage ledger on the event bus ({@code ghc.history.*},
 * {@code ghc.stats.get}, {@code ghc.usage.get}). Consumes every node's request records (in a cluster that
 * is the replication), keeps summaries in memory and full records in a journal on disk, and answers
 * queries from its own node. See {@code docs/history.md}.
 */
public final class CacheVerticle extends VerticleBase {

  private static final Logger LOG = Logger.getLogger(CacheVerticle.class.getName());

  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private final List<Long> timers = new ArrayList<>();
  private CacheConfig config;
  private HistoryStore store;

  @Override
  public Future<?> start() {
    try {
      config = CacheConfig.from(config());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return recover().compose(recovered -> {
      store = createStore(recovered);
      return registerConsumers();
    }).onSuccess(v -> {
      startTimers();
      catchUpFromPeers();
    });
  }

  private Future<HistoryRecovery.Recovered> recover() {
    if (!config.persist()) {
      return Future.succeededFuture(
          HistoryRecovery.inMemory(config.maxEntries(), config.maxCountedIds(), config.usageRetentionDays()));
    }
    return vertx.executeBlocking(() -> HistoryRecovery.fromDisk(config.historyDir(), config.maxEntries(),
        config.maxCountedIds(), config.usageRetentionDays()), false);
  }

  private HistoryStore createStore(HistoryRecovery.Recovered recovered) {
    DailyRequestFiles files = new DailyRequestFiles(vertx, config.requestsDir(), config.maxQueuedWrites(),
        config.maxQueuedBytes());
    HistoryStore created = config.persist()
        ? HistoryStore.persistent(vertx, recovered, files, config.maxQueuedWrites(), config.maxQueuedBytes(),
            config.inFlightMaxBytes())
        : HistoryStore.inMemory(vertx, recovered, files, config.inFlightMaxBytes());
    created.setMaxBodyBytes(config.maxBodyBytes());
    created.setSaveRequestFiles(config.saveRequestFiles());
    return created;
  }

  private Future<Void> registerConsumers() {
    EventBus bus = vertx.eventBus();
    HistoryQueries queries = new HistoryQueries(store);
    HistoryTransfer transfer = new HistoryTransfer(store, config.nodeId());
    LedgerQueries ledger = new LedgerQueries(store);
    List<Future<Void>> registered = new ArrayList<>();
    // Records, config changes and sync requests come from every node; queries are answered by the
    // cache of the asking node, so that paging cursors always refer to the same history.
    registered.add(listen(bus.consumer(Addresses.REQUEST_STARTED), store::started));
    registered.add(listen(bus.consumer(Addresses.REQUEST_COMPLETED), store::completed));
    registered.add(listen(bus.consumer(Addresses.CONFIG_CHANGED), this::applyConfigChange));
    registered.add(serve(bus.consumer(Addresses.HISTORY_SYNC), transfer::sync));
    registered.add(serve(bus.localConsumer(Addresses.HISTORY_LIST), queries::list));
    registered.add(serve(bus.localConsumer(Addresses.HISTORY_SEARCH), queries::search));
    registered.add(serve(bus.localConsumer(Addresses.HISTORY_GET), queries::get));
    registered.add(serve(bus.localConsumer(Addresses.HISTORY_EXPORT), transfer::export));
    registered.add(serve(bus.localConsumer(Addresses.HISTORY_IMPORT), transfer::importLines));
    registered.add(serve(bus.localConsumer(Addresses.HISTORY_CLEAR), transfer::clear));
    registered.add(serve(bus.localConsumer(Addresses.STATS_GET), ledger::stats));
    registered.add(serve(bus.localConsumer(Addresses.USAGE_GET), ledger::usage));
    return Future.all(registered).mapEmpty();
  }

  private Future<Void> listen(MessageConsumer<Object> consumer, Consumer<JsonObject> handler) {
    consumers.add(consumer);
    consumer.handler(message -> {
      if (message.body() instanceof JsonObject body) {
        try {
          handler.accept(body);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "cache: could not take a message on " + message.address(), e);
        }
      }
    });
    return consumer.completion();
  }

  private Future<Void> serve(MessageConsumer<Object> consumer, Function<JsonObject, Future<JsonObject>> handler) {
    consumers.add(consumer);
    consumer.handler(message -> answer(message, handler));
    return consumer.completion();
  }

  private static void answer(Message<Object> message, Function<JsonObject, Future<JsonObject>> handler) {
    Object body = message.body();
    if (body != null && !(body instanceof JsonObject)) {
      message.fail(BusErrorCode.BAD_REQUEST.code(), "the request body must be a JSON object");
      return;
    }
    Future<JsonObject> reply;
    try {
      reply = handler.apply(body == null ? new JsonObject() : (JsonObject) body);
    } catch (RuntimeException e) {
      reply = Future.failedFuture(e);
    }
    reply.onSuccess(message::reply).onFailure(error -> {
      if (error instanceof RequestException refused) {
        message.fail(refused.code().code(), refused.getMessage());
      } else {
        LOG.log(Level.WARNING, "cache: " + message.address() + " failed", error);
        message.fail(BusErrorCode.INTERNAL.code(), String.valueOf(error.getMessage()));
      }
    });
  }

  private void applyConfigChange(JsonObject event) {
    JsonObject changes = event.getJsonObject("changes");
    if (changes == null) {
      return;
    }
    try {
      if (changes.containsKey("save_request_to_file")) {
        store.setSaveRequestFiles(CacheConfig.bool(changes, "save_request_to_file", false));
      }
      if (changes.containsKey("cache_max_entries")) {
        store.setMaxEntries((int) CacheConfig.number(changes, "cache_max_entries", 1000, 1, 10_000_000));
      }
      if (changes.containsKey("cache_max_request_size")) {
        store.setMaxBodyBytes(CacheConfig.number(changes, "cache_max_request_size", 1L << 20, 0, 1L << 30));
      }
    } catch (IllegalArgumentException e) {
      LOG.warning(() -> "cache: ignored a config change: " + e.getMessage());
    }
  }

  private void startTimers() {
    timers.add(vertx.setPeriodic(config.flushIntervalMs(), id -> store.flushWaitingWrites()));
    timers.add(vertx.setPeriodic(config.snapshotIntervalMs(), id -> store.saveLedgerIfChanged()));
  }

  private void catchUpFromPeers() {
    if (config.peersSync() && (vertx.isClustered() || config.peersSyncUnclustered())) {
      new PeerSync(vertx, store, config.nodeId(), config.peersSyncTimeoutMs()).run()
          .onFailure(e -> LOG.log(Level.WARNING, "history sync from peers failed", e));
    }
  }

  /** Stops taking records, then writes what waits, the statistics and usage snapshot, and closes files. */
  @Override
  public Future<?> stop() {
    timers.forEach(vertx::cancelTimer);
    List<Future<Void>> unregistered = new ArrayList<>();
    consumers.forEach(consumer -> unregistered.add(consumer.unregister()));
    if (store == null) {
      return Future.join(unregistered);
    }
    return Future.join(unregistered).eventually(() -> store.close());
  }
}
