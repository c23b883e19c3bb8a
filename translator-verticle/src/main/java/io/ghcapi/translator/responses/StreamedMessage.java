package io.ghcapi.translator.responses;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A {@code message} item: consecutive text deltas share one {@code output_text} part; refusals get a {@code refusal} part. */
final class StreamedMessage implements StreamedItem {

  private static final String TEXT = "output_text";
  private static final String REFUSAL = "refusal";

  private final ResponsesEventWriter events;
  private final String id;
  private final int outputIndex;
  private final JsonArray closedParts = new JsonArray();
  private final StringBuilder openText = new StringBuilder();
  private String openKind;

  StreamedMessage(ResponsesEventWriter events, String id, int outputIndex) {
    this.events = events;
    this.id = id;
    this.outputIndex = outputIndex;
    events.emit("response.output_item.added", new JsonObject().put("output_index", outputIndex)
        .put("item", OutputItems.message(id, "in_progress", new JsonArray())));
  }

  void appendText(String delta) {
    switchPart(TEXT);
    openText.append(delta);
    events.emit("response.output_text.delta", partEvent().put("delta", delta).put("logprobs", new JsonArray()));
  }

  void appendRefusal(String delta) {
    switchPart(REFUSAL);
    openText.append(delta);
    events.emit("response.refusal.delta", partEvent().put("delta", delta));
  }

  @Override
  public JsonObject close(String status) {
    closePart();
    JsonObject item = OutputItems.message(id, status, closedParts.copy());
    events.emit("response.output_item.done", new JsonObject().put("output_index", outputIndex).put("item", item));
    return item;
  }

  private void switchPart(String kind) {
    if (kind.equals(openKind)) {
      return;
    }
    closePart();
    openKind = kind;
    events.emit("response.content_part.added", partEvent().put("part", part(kind, "")));
  }

  private void closePart() {
    if (openKind == null) {
      return;
    }
    String text = openText.toString();
    if (TEXT.equals(openKind)) {
      events.emit("response.output_text.done", partEvent().put("text", text).put("logprobs", new JsonArray()));
    } else {
      events.emit("response.refusal.done", partEvent().put("refusal", text));
    }
    JsonObject part = part(openKind, text);
    events.emit("response.content_part.done", partEvent().put("part", part));
    closedParts.add(part);
    openKind = null;
    openText.setLength(0);
  }

  private JsonObject partEvent() {
    return ResponsesEventWriter.itemEvent(id, outputIndex).put("content_index", closedParts.size());
  }

  private static JsonObject part(String kind, String text) {
    return TEXT.equals(kind) ? OutputItems.outputText(text) : OutputItems.refusal(text);
  }
}
