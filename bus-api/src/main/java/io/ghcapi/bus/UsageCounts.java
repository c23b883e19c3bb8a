package io.ghcapi.bus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Request, token and data counters of a usage bucket or of a sum of buckets, in the seed's field names
 * (§7.2): the rows of {@link Addresses#USAGE_GET} and of the per-machine usage files. Not thread-safe.
 */
public final class UsageCounts {

  private long requests;
  private long inputTokens;
  private long cacheCreationTokens;
  private long cacheReadTokens;
  private long outputTokens;
  private long dataSent;
  private long dataReceived;

  /** Reads the JSON form; missing or negative counters are 0. */
  public static UsageCounts fromJson(JsonObject json) {
    UsageCounts counts = new UsageCounts();
    counts.requests = number(json, "request_count");
    counts.inputTokens = number(json, "input_tokens");
    counts.cacheCreationTokens = number(json, "cache_creation_input_tokens");
    counts.cacheReadTokens = number(json, "cache_read_input_tokens");
    counts.outputTokens = number(json, "output_tokens");
    counts.dataSent = number(json, "data_sent");
    counts.dataReceived = number(json, "data_received");
    return counts;
  }

  /** Reads the compact form written by {@link #toArray()}, starting at index {@code from}. */
  public static UsageCounts fromArray(JsonArray array, int from) {
    UsageCounts counts = new UsageCounts();
    counts.requests = array.getLong(from);
    counts.inputTokens = array.getLong(from + 1);
    counts.cacheCreationTokens = array.getLong(from + 2);
    counts.cacheReadTokens = array.getLong(from + 3);
    counts.outputTokens = array.getLong(from + 4);
    counts.dataSent = array.getLong(from + 5);
    counts.dataReceived = array.getLong(from + 6);
    return counts;
  }

  /** Counts one request. */
  public void addRequest(long input, long cacheCreation, long cacheRead, long output, long sent, long received) {
    requests++;
    inputTokens += input;
    cacheCreationTokens += cacheCreation;
    cacheReadTokens += cacheRead;
    outputTokens += output;
    dataSent += sent;
    dataReceived += received;
  }

  public void add(UsageCounts other) {
    requests += other.requests;
    inputTokens += other.inputTokens;
    cacheCreationTokens += other.cacheCreationTokens;
    cacheReadTokens += other.cacheReadTokens;
    outputTokens += other.outputTokens;
    dataSent += other.dataSent;
    dataReceived += other.dataReceived;
  }

  /** {@code this − other}, each counter at least 0. */
  public UsageCounts minusAtLeastZero(UsageCounts other) {
    UsageCounts result = new UsageCounts();
    result.requests = Math.max(0, requests - other.requests);
    result.inputTokens = Math.max(0, inputTokens - other.inputTokens);
    result.cacheCreationTokens = Math.max(0, cacheCreationTokens - other.cacheCreationTokens);
    result.cacheReadTokens = Math.max(0, cacheReadTokens - other.cacheReadTokens);
    result.outputTokens = Math.max(0, outputTokens - other.outputTokens);
    result.dataSent = Math.max(0, dataSent - other.dataSent);
    result.dataReceived = Math.max(0, dataReceived - other.dataReceived);
    return result;
  }

  /** Recomputed on read, never taken from a file (seed §7.2). */
  public long totalTokens() {
    return inputTokens + cacheCreationTokens + cacheReadTokens + outputTokens;
  }

  public boolean isZero() {
    return requests == 0 && totalTokens() == 0 && dataSent == 0 && dataReceived == 0;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("request_count", requests)
        .put("input_tokens", inputTokens)
        .put("cache_creation_input_tokens", cacheCreationTokens)
        .put("cache_read_input_tokens", cacheReadTokens)
        .put("output_tokens", outputTokens)
        .put("total_tokens", totalTokens())
        .put("data_sent", dataSent)
        .put("data_received", dataReceived)
        .put("total_data", dataSent + dataReceived);
  }

  /** The compact form: the seven counters in a fixed order. */
  public JsonArray toArray() {
    return new JsonArray().add(requests).add(inputTokens).add(cacheCreationTokens).add(cacheReadTokens)
        .add(outputTokens).add(dataSent).add(dataReceived);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof UsageCounts that && requests == that.requests && inputTokens == that.inputTokens
        && cacheCreationTokens == that.cacheCreationTokens && cacheReadTokens == that.cacheReadTokens
        && outputTokens == that.outputTokens && dataSent == that.dataSent && dataReceived == that.dataReceived;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(requests * 31 + totalTokens());
  }

  private static long number(JsonObject json, String key) {
    Object value = json.getValue(key);
    return value instanceof Number number ? Math.max(0, number.longValue()) : 0;
  }
}
