package io.ghcapi.examples.webhook;

import io.ghcapi.bus.RequestRecord;
import io.vertx.core.json.JsonObject;

/** What the webhook receives for one failed request: who, what, where and why; never bodies or headers. */
final class FailureNotice {

  private FailureNotice() {
  }

  static JsonObject of(JsonObject record) {
    int status = record.getInteger(RequestRecord.STATUS_CODE, 0);
    String model = record.getString(RequestRecord.MODEL, "?");
    String error = record.getString(RequestRecord.ERROR);
    return new JsonObject()
        .put("event", "request_failed")
        .put("text", "ghc-api: " + record.getString(RequestRecord.ENDPOINT) + " (" + model + ") failed with HTTP " + status
            + (error == null ? "" : ": " + error))
        .put("id", record.getString(RequestRecord.ID))
        .put("endpoint", record.getString(RequestRecord.ENDPOINT))
        .put("model", model)
        .put("status", status)
        .put("error", error)
        .put("user_id", record.getString(RequestRecord.USER_ID))
        .put("node_id", record.getString(RequestRecord.NODE_ID))
        .put("timestamp", record.getValue(RequestRecord.TIMESTAMP))
        .put("duration_seconds", record.getValue(RequestRecord.DURATION));
  }
}
