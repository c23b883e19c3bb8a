package io.ghcapi.cache.usage;

import io.ghcapi.bus.RequestRecord;
import io.ghcapi.cache.record.RecordFields;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The counters of a usage bucket or of a sum of buckets, in the seed's field names. */
final class UsageCounts {

  long requests;
  long inputTokens;
  long cacheCreationTokens;
  long cacheReadTokens;
  long outputTokens;
  long dataSent;
  long dataReceived;

  void add(JsonObject summary) {
    requests++;
    inputTokens += RecordFields.longOf(summary, RequestRecord.INPUT_TOKENS);
    cacheCreationTokens += RecordFields.longOf(summary, RequestRecord.CACHE_CREATION_INPUT_TOKENS);
    cacheReadTokens += RecordFields.longOf(summary, RequestRecord.CACHE_READ_INPUT_TOKENS);
    outputTokens += RecordFields.longOf(summary, RequestRecord.OUTPUT_TOKENS);
    dataSent += RecordFields.longOf(summary, RequestRecord.REQUEST_SIZE);
    dataReceived += RecordFields.longOf(summary, RequestRecord.RESPONSE_SIZE);
  }

  void add(UsageCounts other) {
    requests += other.requests;
    inputTokens += other.inputTokens;
    cacheCreationTokens += other.cacheCreationTokens;
    cacheReadTokens += other.cacheReadTokens;
    outputTokens += other.outputTokens;
    dataSent += other.dataSent;
    dataReceived += other.dataReceived;
  }

  long totalTokens() {
    return inputTokens + cacheCreationTokens + cacheReadTokens + outputTokens;
  }

  JsonObject toJson() {
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

  JsonArray toArray() {
    return new JsonArray().add(requests).add(inputTokens).add(cacheCreationTokens).add(cacheReadTokens)
        .add(outputTokens).add(dataSent).add(dataReceived);
  }

  static UsageCounts fromArray(JsonArray array, int from) {
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
}
