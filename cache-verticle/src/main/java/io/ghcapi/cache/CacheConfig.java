package io.ghcapi.cache;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The cache's deployment config. Every key is optional; a value of the wrong type or out of range fails
 * the deployment with the key and the reason.
 *
 * @param nodeId this node's id (records carry their own)
 * @param historyDir journal and statistics snapshot
 * @param requestsDir daily request files
 * @param maxEntries bound of the history, first in first out
 * @param maxBodyBytes bodies over this become a truncation marker (0 = no limit)
 * @param saveRequestFiles daily request files on or off
 * @param persist false keeps everything in memory only
 * @param flushIntervalMs batching of journal and request-file writes
 * @param usageRetentionDays how long hourly usage buckets are kept
 * @param peersSync catch up from a peer at start when clustered
 * @param peersSyncUnclustered also catch up on an unclustered Vert.x (several caches in one process)
 * @param peersSyncTimeoutMs how long one sync request waits for a peer
 * @param snapshotIntervalMs how often the statistics and usage snapshot is saved when it changed
 * @param maxCountedIds how many counted ids are remembered to keep statistics exactly-once
 * @param maxQueuedWrites bound of the write queues, in records
 * @param maxQueuedBytes bound of the write queues, in bytes of records
 * @param inFlightMaxBytes bodies of started, not yet completed, exchanges held in memory
 */
public record CacheConfig(String nodeId, Path historyDir, Path requestsDir, int maxEntries, long maxBodyBytes,
    boolean saveRequestFiles, boolean persist, long flushIntervalMs, int usageRetentionDays, boolean peersSync,
    boolean peersSyncUnclustered, long peersSyncTimeoutMs, long snapshotIntervalMs, int maxCountedIds,
    int maxQueuedWrites, long maxQueuedBytes, long inFlightMaxBytes) {

  public static CacheConfig from(JsonObject json) {
    Path historyDir = path(json, "history_dir", defaultConfigDir().resolve("history"));
    Path parent = historyDir.toAbsolutePath().getParent();
    Path requestsDir = path(json, "requests_dir", (parent == null ? historyDir : parent).resolve("requests"));
    return new CacheConfig(
        text(json, "node_id", "local"),
        historyDir,
        requestsDir,
        (int) number(json, "cache_max_entries", 1000, 1, 10_000_000),
        number(json, "cache_max_request_size", 1L << 20, 0, 1L << 30),
        bool(json, "save_request_to_file", false),
        bool(json, "persist", true),
        number(json, "flush_interval_ms", 20, 1, 60_000),
        (int) number(json, "usage_retention_days", 400, 1, 36_500),
        bool(json, "peers_sync", true),
        bool(json, "peers_sync_unclustered", false),
        number(json, "peers_sync_timeout_ms", 5000, 1, 600_000),
        number(json, "stats_snapshot_interval_ms", 5000, 10, 3_600_000),
        (int) number(json, "counted_ids_max", 100_000, 1, 10_000_000),
        (int) number(json, "write_queue_max_records", 10_000, 1, 10_000_000),
        number(json, "write_queue_max_bytes", 64L << 20, 1, 1L << 34),
        number(json, "in_flight_max_bytes", 16L << 20, 0, 1L << 34));
  }

  /** Where {@code ghc-api} keeps its state when no directory is given: {@code $GHC_API_CONFIG_DIR} or {@code ~/.ghc-api}. */
  private static Path defaultConfigDir() {
    String configured = System.getenv("GHC_API_CONFIG_DIR");
    if (configured != null && !configured.isBlank()) {
      return Paths.get(configured);
    }
    return Paths.get(System.getProperty("user.home"), ".ghc-api");
  }

  static boolean bool(JsonObject json, String key, boolean fallback) {
    Object value = json.getValue(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean flag) {
      return flag;
    }
    throw new IllegalArgumentException("cache config '" + key + "': must be true or false, got " + describe(value));
  }

  static long number(JsonObject json, String key, long fallback, long min, long max) {
    Object value = json.getValue(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Number number) || number.doubleValue() != Math.floor(number.doubleValue())) {
      throw new IllegalArgumentException("cache config '" + key + "': must be a whole number, got " + describe(value));
    }
    long whole = number.longValue();
    if (whole < min || whole > max) {
      throw new IllegalArgumentException("cache config '" + key + "': must be between " + min + " and " + max
          + ", got " + whole);
    }
    return whole;
  }

  private static String text(JsonObject json, String key, String fallback) {
    Object value = json.getValue(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof String text) || text.isBlank()) {
      throw new IllegalArgumentException("cache config '" + key + "': must be a non-empty string, got " + describe(value));
    }
    return text;
  }

  private static Path path(JsonObject json, String key, Path fallback) {
    String text = text(json, key, null);
    return text == null ? fallback : Paths.get(text);
  }

  private static String describe(Object value) {
    return value instanceof String ? "the string \"" + value + "\"" : String.valueOf(value);
  }
}
