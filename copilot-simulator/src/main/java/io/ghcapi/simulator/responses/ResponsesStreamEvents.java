package io.ghcapi.simulator.responses;

import io.ghcapi.simulator.content.TextChunks;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Renders a Responses API answer as the real event sequence, {@code event:} line and numbered {@code data:}. */
final class ResponsesStreamEvents {

  private final ResponsesReply reply;
  private final List<String> events = new ArrayList<>();

  private ResponsesStreamEvents(ResponsesReply reply) {
    this.reply = reply;
  }

  static List<String> of(ResponsesReply reply, int chunkCount) {
    return new ResponsesStreamEvents(reply).render(chunkCount);
  }

  private List<String> render(int chunkCount) {
    add("response.created", new JsonObject().put("response", reply.response(false)));
    add("response.in_progress", new JsonObject().put("response", reply.response(false)));
    if (reply.reasoning() != null) {
      addReasoning(reply.reasoning());
    }
    if (reply.answer().isToolCall()) {
      addFunctionCall();
    } else {
      addMessage(chunkCount);
    }
    add("response.completed", new JsonObject().put("response", reply.response(true)));
    return events;
  }

  private void addReasoning(ReasoningItem reasoning) {
    String itemId = reasoning.id();
    add("response.output_item.added", new JsonObject().put("output_index", 0).put("item", reasoning.started()));
    add("response.reasoning_summary_part.added", summaryEvent(itemId).put("part", reasoning.summaryPart("")));
    add("response.reasoning_summary_text.delta", summaryEvent(itemId).put("delta", reasoning.summary()));
    add("response.reasoning_summary_text.done", summaryEvent(itemId).put("text", reasoning.summary()));
    add("response.reasoning_summary_part.done", summaryEvent(itemId).put("part", reasoning.summaryPart(reasoning.summary())));
    add("response.output_item.done", new JsonObject().put("output_index", 0).put("item", reasoning.completed()));
  }

  private static JsonObject summaryEvent(String itemId) {
    return new JsonObject().put("item_id", itemId).put("output_index", 0).put("summary_index", 0);
  }

  private void addMessage(int chunkCount) {
    int index = reply.answerIndex();
    String itemId = reply.outputItemId();
    String text = reply.answer().text();
    add("response.output_item.added", new JsonObject().put("output_index", index)
        .put("item", reply.messageItem("in_progress", new JsonArray())));
    add("response.content_part.added", contentEvent(index, itemId).put("part", reply.outputText("")));
    for (String piece : TextChunks.split(text, chunkCount)) {
      add("response.output_text.delta", contentEvent(index, itemId).put("delta", piece).put("logprobs", new JsonArray()));
    }
    add("response.output_text.done", contentEvent(index, itemId).put("text", text).put("logprobs", new JsonArray()));
    add("response.content_part.done", contentEvent(index, itemId).put("part", reply.outputText(text)));
    add("response.output_item.done", new JsonObject().put("output_index", index).put("item", reply.completedAnswerItem()));
  }

  private static JsonObject contentEvent(int outputIndex, String itemId) {
    return new JsonObject().put("item_id", itemId).put("output_index", outputIndex).put("content_index", 0);
  }

  private void addFunctionCall() {
    int index = reply.answerIndex();
    String itemId = reply.outputItemId();
    String arguments = reply.answer().toolCall().arguments();
    add("response.output_item.added", new JsonObject().put("output_index", index)
        .put("item", reply.functionCallItem("in_progress", "")));
    for (String fragment : TextChunks.split(arguments, 2)) {
      add("response.function_call_arguments.delta", new JsonObject().put("item_id", itemId).put("output_index", index)
          .put("delta", fragment));
    }
    add("response.function_call_arguments.done", new JsonObject().put("item_id", itemId).put("output_index", index)
        .put("name", reply.answer().toolCall().name()).put("arguments", arguments));
    add("response.output_item.done", new JsonObject().put("output_index", index).put("item", reply.completedAnswerItem()));
  }

  private void add(String type, JsonObject payload) {
    JsonObject data = new JsonObject().put("type", type).put("sequence_number", events.size());
    data.mergeIn(payload);
    events.add("event: " + type + "\ndata: " + data.encode() + "\n\n");
  }
}
