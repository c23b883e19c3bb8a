package io.ghcapi.cache.stats;

import io.ghcapi.cache.usage.UsageLedger;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;

/**
 * Statistics, the token-usage ledger and the ids they already count, kept together so that one rule holds
 * for both: a completed record id counts exactly once, whether it arrives live, twice, by import or by a
 * journal replay. Persisted as one snapshot that names the journal sequence number it includes.
 */
public final class Ledger {

  private static final int SNAPSHOT_VERSION = 1;
  /** Enough buckets for a year of hourly usage across a few machines, users and models. */
  public static final int MAX_USAGE_BUCKETS = 200_000;

  private final Statistics stats;
  private final UsageLedger usage;
  private final CountedIds counted;
  private final long snapshotSeq;
  private boolean changed;

  private Ledger(Statistics stats, UsageLedger usage, CountedIds counted, long snapshotSeq) {
    this.stats = stats;
    this.usage = usage;
    this.counted = counted;
    this.snapshotSeq = snapshotSeq;
  }

  public static Ledger empty(int maxCountedIds, int usageRetentionDays) {
    return new Ledger(new Statistics(), new UsageLedger(usageRetentionDays, MAX_USAGE_BUCKETS),
        new CountedIds(maxCountedIds), 0);
  }

  /** From a snapshot ({@link #snapshot}); null gives an empty ledger. */
  public static Ledger restore(JsonObject snapshot, int maxCountedIds, int usageRetentionDays, long nowSeconds) {
    if (snapshot == null) {
      return empty(maxCountedIds, usageRetentionDays);
    }
    CountedIds counted = new CountedIds(maxCountedIds);
    counted.restore(snapshot.getJsonArray("counted_ids"));
    return new Ledger(Statistics.restore(snapshot.getJsonObject("stats")),
        UsageLedger.restore(snapshot.getJsonArray("usage"), usageRetentionDays, MAX_USAGE_BUCKETS, nowSeconds),
        counted, snapshot.getLong("journal_seq", 0L));
  }

  /**
   * Counts a completed record's summary in statistics and usage unless its id was counted already.
   * Returns whether it counted.
   */
  public boolean countOnce(String id, JsonObject summary, long nowSeconds) {
    if (!counted.add(id)) {
      return false;
    }
    stats.count(summary);
    usage.add(summary, nowSeconds);
    changed = true;
    return true;
  }

  public boolean isCounted(String id) {
    return counted.contains(id);
  }

  /** The journal sequence number the loaded snapshot included: journal records after it still count. */
  public long snapshotSeq() {
    return snapshotSeq;
  }

  public Statistics stats() {
    return stats;
  }

  public UsageLedger usage() {
    return usage;
  }

  public boolean changed() {
    return changed;
  }

  /** A snapshot taken could not be written: it must be written again. */
  public void markChanged() {
    changed = true;
  }

  public void pruneUsage(long nowSeconds) {
    int before = usage.bucketCount();
    usage.prune(nowSeconds);
    changed |= before != usage.bucketCount();
  }

  /**
   * Everything counted so far, stating that it includes every journal record up to {@code throughSeq}.
   * Clears the changed flag: the caller is about to write it.
   */
  public JsonObject snapshot(long throughSeq) {
    changed = false;
    return new JsonObject()
        .put("version", SNAPSHOT_VERSION)
        .put("journal_seq", throughSeq)
        .put("stats", stats.snapshot())
        .put("usage", usage.snapshot())
        .put("counted_ids", new JsonArray(Arrays.asList((Object[]) counted.toArray())));
  }
}
