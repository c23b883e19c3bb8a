package io.ghcapi.cache.usage;

import io.ghcapi.bus.RequestRecord;
import io.ghcapi.bus.UsageCounts;
import io.ghcapi.bus.UsageRange;
import io.ghcapi.cache.record.RecordFields;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Token usage in hourly buckets keyed by (hour, machine, user, model), placed by the record's own
 * timestamp, so imported history lands in the hours it happened, never as new usage. Bounded by the
 * retention and by a number of buckets (the oldest hours go first).
 */
public final class UsageLedger {

  private static final Logger LOG = Logger.getLogger(UsageLedger.class.getName());
  static final long HOUR = 3600;
  /** Records dated further ahead than this are clock errors and are not bucketed. */
  private static final long MAX_FUTURE_SECONDS = 86_400;

  private final TreeMap<Long, Map<UsageKey, UsageCounts>> hours = new TreeMap<>();
  private final int maxBuckets;
  private final int retentionDays;
  private int buckets;

  public UsageLedger(int retentionDays, int maxBuckets) {
    this.retentionDays = retentionDays;
    this.maxBuckets = maxBuckets;
  }

  public void add(JsonObject summary, long nowSeconds) {
    long hour = Math.floorDiv((long) Math.floor(RecordFields.timestampOf(summary)), HOUR) * HOUR;
    if (hour < retentionCutoff(nowSeconds) || hour > nowSeconds + MAX_FUTURE_SECONDS) {
      return;
    }
    UsageKey key = new UsageKey(RecordFields.stringOf(summary, RequestRecord.NODE_ID, "unknown"),
        RecordFields.stringOf(summary, RequestRecord.USER_ID, "anonymous"), RecordFields.effectiveModel(summary));
    Map<UsageKey, UsageCounts> bucketsOfHour = hours.computeIfAbsent(hour, h -> new HashMap<>());
    UsageCounts counts = bucketsOfHour.get(key);
    if (counts == null) {
      counts = new UsageCounts();
      bucketsOfHour.put(key, counts);
      buckets++;
      dropOldestHoursOverBound();
    }
    counts.addRequest(RecordFields.longOf(summary, RequestRecord.INPUT_TOKENS),
        RecordFields.longOf(summary, RequestRecord.CACHE_CREATION_INPUT_TOKENS),
        RecordFields.longOf(summary, RequestRecord.CACHE_READ_INPUT_TOKENS),
        RecordFields.longOf(summary, RequestRecord.OUTPUT_TOKENS),
        RecordFields.longOf(summary, RequestRecord.REQUEST_SIZE),
        RecordFields.longOf(summary, RequestRecord.RESPONSE_SIZE));
  }

  /** Forgets hours older than the retention. */
  public void prune(long nowSeconds) {
    NavigableMap<Long, Map<UsageKey, UsageCounts>> old = hours.headMap(retentionCutoff(nowSeconds), false);
    old.values().forEach(bucketsOfHour -> buckets -= bucketsOfHour.size());
    old.clear();
  }

  public int bucketCount() {
    return buckets;
  }

  /** The {@code ghc.usage.get} reply. */
  public JsonObject overview(UsageRange range, String user, long nowSeconds) {
    return new UsageOverview(hours, range, user, nowSeconds).toJson();
  }

  private long retentionCutoff(long nowSeconds) {
    return Math.floorDiv(nowSeconds - retentionDays * 86_400L, HOUR) * HOUR;
  }

  private void dropOldestHoursOverBound() {
    while (buckets > maxBuckets && hours.size() > 1) {
      Map.Entry<Long, Map<UsageKey, UsageCounts>> oldest = hours.pollFirstEntry();
      buckets -= oldest.getValue().size();
      LOG.warning(() -> "token usage: more than " + maxBuckets + " buckets; dropped the hour starting at "
          + oldest.getKey());
    }
  }

  /** Compact form for the ledger file: {@code [[hour, machine, user, model, counts...], ...]}. */
  public JsonArray snapshot() {
    JsonArray out = new JsonArray();
    hours.forEach((hour, bucketsOfHour) -> bucketsOfHour.forEach((key, counts) -> {
      JsonArray row = new JsonArray().add(hour).add(key.machine()).add(key.user()).add(key.model());
      counts.toArray().forEach(row::add);
      out.add(row);
    }));
    return out;
  }

  public static UsageLedger restore(JsonArray rows, int retentionDays, int maxBuckets, long nowSeconds) {
    UsageLedger ledger = new UsageLedger(retentionDays, maxBuckets);
    if (rows == null) {
      return ledger;
    }
    for (Object item : rows) {
      if (item instanceof JsonArray row && row.size() == 11) {
        UsageKey key = new UsageKey(row.getString(1), row.getString(2), row.getString(3));
        UsageCounts counts = UsageCounts.fromArray(row, 4);
        UsageCounts existing = ledger.hours.computeIfAbsent(row.getLong(0), h -> new HashMap<>())
            .putIfAbsent(key, counts);
        if (existing == null) {
          ledger.buckets++;
        } else {
          existing.add(counts);
        }
      }
    }
    ledger.prune(nowSeconds);
    ledger.dropOldestHoursOverBound();
    return ledger;
  }
}
