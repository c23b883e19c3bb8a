package io.ghcapi.bus;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The fields of a request record kept in memory and listed by {@link Addresses#HISTORY_LIST}: everything
 * but the bodies and headers, which stay on disk and are read on demand.
 */
public final class HistorySummary {

  /** Record fields that are part of a summary. */
  public static final List<String> FIELDS = List.of(RequestRecord.ID, RequestRecord.TIMESTAMP, RequestRecord.NODE_ID,
      RequestRecord.ENDPOINT, RequestRecord.MODEL, RequestRecord.TRANSLATED_MODEL, RequestRecord.STREAM,
      RequestRecord.STATE, RequestRecord.STATUS_CODE, RequestRecord.CLIENT_IP, RequestRecord.USER_ID,
      RequestRecord.INITIATOR, RequestRecord.INITIATOR_REASON, RequestRecord.VISION, RequestRecord.REQUEST_SIZE,
      RequestRecord.RESPONSE_SIZE, RequestRecord.INPUT_TOKENS, RequestRecord.OUTPUT_TOKENS,
      RequestRecord.CACHE_CREATION_INPUT_TOKENS, RequestRecord.CACHE_READ_INPUT_TOKENS, RequestRecord.DURATION,
      RequestRecord.FIRST_BYTE_MS, RequestRecord.ATTEMPTS, RequestRecord.ERROR);

  private HistorySummary() {
  }

  /** The summary of a record: a new object holding only the summary fields present. */
  public static JsonObject of(JsonObject record) {
    JsonObject summary = new JsonObject();
    for (String field : FIELDS) {
      Object value = record.getValue(field);
      if (value != null) {
        summary.put(field, value);
      }
    }
    return summary;
  }
}
