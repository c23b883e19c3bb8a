package io.ghcapi.translator.responses;

import io.vertx.core.json.JsonObject;

/**
 * A {@code function_call} (arguments streamed as they come) or {@code custom_tool_call} (its input is the
 * {@code input} string inside JSON arguments, so it is only known, and written, when the call closes).
 * A call may collect arguments before it is opened: see {@link ChatToResponsesStream}.
 */
final class StreamedToolCall implements StreamedItem {

  private final ResponsesEventWriter events;
  private final OutputItems.ToolCall call;
  private final StringBuilder arguments = new StringBuilder();
  private int outputIndex = -1;

  StreamedToolCall(ResponsesEventWriter events, OutputItems.ToolCall call) {
    this.events = events;
    this.call = call;
  }

  String callId() {
    return call.callId();
  }

  boolean isOpen() {
    return outputIndex >= 0;
  }

  void open(int outputIndex) {
    this.outputIndex = outputIndex;
    events.emit("response.output_item.added", new JsonObject().put("output_index", outputIndex)
        .put("item", call.item("", "in_progress")));
    if (arguments.length() > 0) {
      emitArgumentsDelta(arguments.toString());
    }
  }

  void appendArguments(String fragment) {
    arguments.append(fragment);
    if (isOpen()) {
      emitArgumentsDelta(fragment);
    }
  }

  @Override
  public JsonObject close(String status) {
    JsonObject item = call.item(arguments.toString(), status);
    JsonObject fields = ResponsesEventWriter.itemEvent(call.id(), outputIndex);
    if (call.custom()) {
      String input = item.getString("input");
      if (!input.isEmpty()) {
        events.emit("response.custom_tool_call_input.delta", fields.copy().put("delta", input));
      }
      events.emit("response.custom_tool_call_input.done", fields.put("input", input));
    } else {
      events.emit("response.function_call_arguments.done", fields.put("name", call.name()).put("arguments", arguments.toString()));
    }
    events.emit("response.output_item.done", new JsonObject().put("output_index", outputIndex).put("item", item));
    return item;
  }

  private void emitArgumentsDelta(String fragment) {
    if (!call.custom()) {
      events.emit("response.function_call_arguments.delta",
          ResponsesEventWriter.itemEvent(call.id(), outputIndex).put("delta", fragment));
    }
  }
}
