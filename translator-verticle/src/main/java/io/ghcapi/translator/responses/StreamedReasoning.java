package io.ghcapi.translator.responses;

import io.vertx.core.json.JsonObject;

/**
 * A {@code reasoning} item from Copilot's {@code reasoning_text} deltas (one summary part) and
 * {@code reasoning_opaque} (the item's {@code encrypted_content}).
 */
final class StreamedReasoning implements StreamedItem {

  private final ResponsesEventWriter events;
  private final String id;
  private final int outputIndex;
  private final StringBuilder summary = new StringBuilder();
  private boolean summaryOpen;
  private StringBuilder encryptedContent;

  StreamedReasoning(ResponsesEventWriter events, String id, int outputIndex) {
    this.events = events;
    this.id = id;
    this.outputIndex = outputIndex;
    events.emit("response.output_item.added", new JsonObject().put("output_index", outputIndex)
        .put("item", OutputItems.reasoning(id, null, null)));
  }

  void appendSummary(String delta) {
    if (!summaryOpen) {
      summaryOpen = true;
      events.emit("response.reasoning_summary_part.added", summaryEvent().put("part", OutputItems.summaryText("")));
    }
    summary.append(delta);
    events.emit("response.reasoning_summary_text.delta", summaryEvent().put("delta", delta));
  }

  void appendEncryptedContent(String opaque) {
    if (encryptedContent == null) {
      encryptedContent = new StringBuilder();
    }
    encryptedContent.append(opaque);
  }

  @Override
  public JsonObject close(String status) {
    if (summaryOpen) {
      String text = summary.toString();
      events.emit("response.reasoning_summary_text.done", summaryEvent().put("text", text));
      events.emit("response.reasoning_summary_part.done", summaryEvent().put("part", OutputItems.summaryText(text)));
    }
    JsonObject item = OutputItems.reasoning(id, summary.toString(), encryptedContent == null ? null : encryptedContent.toString());
    events.emit("response.output_item.done", new JsonObject().put("output_index", outputIndex).put("item", item));
    return item;
  }

  private JsonObject summaryEvent() {
    return ResponsesEventWriter.itemEvent(id, outputIndex).put("summary_index", 0);
  }
}
