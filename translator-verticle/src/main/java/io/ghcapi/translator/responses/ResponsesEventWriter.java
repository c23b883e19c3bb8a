package io.ghcapi.translator.responses;

import io.ghcapi.translator.SseBuffer;
import io.vertx.core.json.JsonObject;

/** Writes Responses stream events: {@code event: <type>}, data with {@code type} and a {@code sequence_number} from 0. */
final class ResponsesEventWriter {

  private final SseBuffer out;
  private int sequenceNumber;

  ResponsesEventWriter(SseBuffer out) {
    this.out = out;
  }

  void emit(String type, JsonObject fields) {
    JsonObject data = new JsonObject().put("type", type).put("sequence_number", sequenceNumber++);
    out.event(type, data.mergeIn(fields));
  }

  /** The fields every event about one item's content carries. */
  static JsonObject itemEvent(String itemId, int outputIndex) {
    return new JsonObject().put("item_id", itemId).put("output_index", outputIndex);
  }
}
