package io.ghcapi.cache.stats;

import io.ghcapi.bus.RequestRecord;
import io.ghcapi.cache.record.RecordFields;
import io.vertx.core.json.JsonObject;

/** Request count, tokens and bytes of a group of completed requests. */
final class Tally {

  long requests;
  long inputTokens;
  long outputTokens;
  long cacheCreationTokens;
  long cacheReadTokens;
  long bytesSent;
  long bytesReceived;

  void add(JsonObject summary) {
    requests++;
    inputTokens += RecordFields.longOf(summary, RequestRecord.INPUT_TOKENS);
    outputTokens += RecordFields.longOf(summary, RequestRecord.OUTPUT_TOKENS);
    cacheCreationTokens += RecordFields.longOf(summary, RequestRecord.CACHE_CREATION_INPUT_TOKENS);
    cacheReadTokens += RecordFields.longOf(summary, RequestRecord.CACHE_READ_INPUT_TOKENS);
    bytesSent += RecordFields.longOf(summary, RequestRecord.REQUEST_SIZE);
    bytesReceived += RecordFields.longOf(summary, RequestRecord.RESPONSE_SIZE);
  }

  void addAll(Tally other) {
    requests += other.requests;
    inputTokens += other.inputTokens;
    outputTokens += other.outputTokens;
    cacheCreationTokens += other.cacheCreationTokens;
    cacheReadTokens += other.cacheReadTokens;
    bytesSent += other.bytesSent;
    bytesReceived += other.bytesReceived;
  }

  long totalTokens() {
    return inputTokens + outputTokens + cacheCreationTokens + cacheReadTokens;
  }

  JsonObject toJson() {
    return new JsonObject()
        .put("request_count", requests)
        .put("input_tokens", inputTokens)
        .put("output_tokens", outputTokens)
        .put("cache_creation_input_tokens", cacheCreationTokens)
        .put("cache_read_input_tokens", cacheReadTokens)
        .put("bytes_sent", bytesSent)
        .put("bytes_received", bytesReceived);
  }

  /**
   * Per endpoint: the seed's counts and bytes, then the tokens (so the dashboard can chart endpoints by
   * tokens as it does models, users and nodes).
   */
  JsonObject toEndpointJson() {
    return new JsonObject().put("request_count", requests).put("bytes_sent", bytesSent)
        .put("bytes_received", bytesReceived)
        .put("input_tokens", inputTokens)
        .put("output_tokens", outputTokens)
        .put("cache_creation_input_tokens", cacheCreationTokens)
        .put("cache_read_input_tokens", cacheReadTokens);
  }

  JsonObject tokensJson() {
    return new JsonObject().put("input", inputTokens).put("output", outputTokens)
        .put("cache_creation", cacheCreationTokens).put("cache_read", cacheReadTokens).put("total", totalTokens());
  }

  static Tally fromJson(JsonObject json) {
    Tally tally = new Tally();
    if (json == null) {
      return tally;
    }
    tally.requests = json.getLong("request_count", 0L);
    tally.inputTokens = json.getLong("input_tokens", 0L);
    tally.outputTokens = json.getLong("output_tokens", 0L);
    tally.cacheCreationTokens = json.getLong("cache_creation_input_tokens", 0L);
    tally.cacheReadTokens = json.getLong("cache_read_input_tokens", 0L);
    tally.bytesSent = json.getLong("bytes_sent", 0L);
    tally.bytesReceived = json.getLong("bytes_received", 0L);
    return tally;
  }
}
