package io.ghcapi.cache.journal;

import io.ghcapi.cache.record.RecordFields;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;

/** A record waiting for the journal; the entry reads it from here until it is on disk. */
public final class JournalWrite {

  private final long seq;
  private final JsonObject record;
  private final long estimatedBytes;
  private final Promise<Void> done = Promise.promise();

  JournalWrite(long seq, JsonObject record) {
    this.seq = seq;
    this.record = record;
    this.estimatedBytes = RecordFields.estimatedBytes(record);
  }

  public long seq() {
    return seq;
  }

  public JsonObject record() {
    return record;
  }

  long estimatedBytes() {
    return estimatedBytes;
  }

  /** Completes once the record is written, dropped or discarded. */
  public Future<Void> done() {
    return done.future();
  }

  void finish() {
    done.tryComplete();
  }
}
