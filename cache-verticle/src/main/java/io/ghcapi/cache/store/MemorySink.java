package io.ghcapi.cache.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** {@code persist: false}: full records stay in memory, bounded by the entry count and the body limit. */
final class MemorySink implements RecordSink {

  @Override
  public Location store(long seq, JsonObject record) {
    return new Location.Held(record);
  }

  @Override
  public boolean hasRoomFor(long bytes) {
    return true;
  }

  @Override
  public Future<Void> flush() {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> clear() {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> saveLedger(boolean onlyIfChanged) {
    return Future.succeededFuture();
  }

  @Override
  public long droppedWrites() {
    return 0;
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}
