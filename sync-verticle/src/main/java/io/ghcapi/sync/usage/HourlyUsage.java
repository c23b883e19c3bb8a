package io.ghcapi.sync.usage;

import io.ghcapi.bus.UsageCounts;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** One machine's usage by hour (start, in Unix seconds), user and model. */
public final class HourlyUsage {

  public static final long HOUR = 3600;

  private final TreeMap<Long, Map<UsageKey, UsageCounts>> hours = new TreeMap<>();

  public static long hourOf(long seconds) {
    return Math.floorDiv(seconds, HOUR) * HOUR;
  }

  /** Replaces the bucket (an hour total read or computed). */
  public void set(long hour, UsageKey key, UsageCounts counts) {
    hours.computeIfAbsent(hour, h -> new HashMap<>()).put(key, counts);
  }

  /** Adds to the bucket (a delta line of the seed's format). */
  public void add(long hour, UsageKey key, UsageCounts counts) {
    hours.computeIfAbsent(hour, h -> new HashMap<>()).computeIfAbsent(key, k -> new UsageCounts()).add(counts);
  }

  public UsageCounts get(long hour, UsageKey key) {
    Map<UsageKey, UsageCounts> bucket = hours.get(hour);
    return bucket == null ? null : bucket.get(key);
  }

  public Map<UsageKey, UsageCounts> hour(long hour) {
    return hours.getOrDefault(hour, Map.of());
  }

  /** Hours from {@code from} (inclusive) to {@code to} (exclusive). */
  public NavigableMap<Long, Map<UsageKey, UsageCounts>> between(long from, long to) {
    return hours.subMap(from, true, to, false);
  }

  public NavigableMap<Long, Map<UsageKey, UsageCounts>> all() {
    return hours;
  }

  public void forEach(long fromInclusive, Bucket visitor) {
    hours.tailMap(fromInclusive, true).forEach((hour, bucket) -> bucket.forEach((key, counts) ->
        visitor.accept(hour, key, counts)));
  }

  public void addAll(HourlyUsage other) {
    other.hours.forEach((hour, bucket) -> bucket.forEach((key, counts) -> add(hour, key, counts)));
  }

  /** The number of (hour, user) pairs, i.e. the lines a compacted file has. */
  public int hourUserPairs() {
    int pairs = 0;
    for (Map<UsageKey, UsageCounts> bucket : hours.values()) {
      pairs += (int) bucket.keySet().stream().map(UsageKey::user).distinct().count();
    }
    return pairs;
  }

  public boolean isEmpty() {
    return hours.isEmpty();
  }

  /** Visits each bucket. */
  @FunctionalInterface
  public interface Bucket {
    void accept(long hour, UsageKey key, UsageCounts counts);
  }
}
