package io.ghcapi.translator.responses;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A Responses event stream as Copilot sends it for GPT models: {@code response.id} and {@code item.id}
 * change on every event (only {@code output_index} and {@code call_id} are stable).
 */
final class UpstreamResponsesEvents {

  final List<JsonObject> events = new ArrayList<>();
  private final JsonArray output = new JsonArray();
  private int idCounter;

  private String rotatingId(String prefix) {
    return prefix + "_" + (idCounter++);
  }

  private UpstreamResponsesEvents add(String type, JsonObject fields) {
    events.add(new JsonObject().put("type", type).put("sequence_number", events.size()).mergeIn(fields));
    return this;
  }

  private JsonObject response(String status) {
    return new JsonObject().put("id", rotatingId("resp")).put("object", "response").put("status", status).put("model", "gpt-5-codex");
  }

  UpstreamResponsesEvents created() {
    add("response.created", new JsonObject().put("response", response("in_progress").put("output", new JsonArray())));
    return add("response.in_progress", new JsonObject().put("response", response("in_progress").put("output", new JsonArray())));
  }

  UpstreamResponsesEvents reasoning(String encryptedContent, String... summaryParts) {
    int index = output.size();
    add("response.output_item.added", new JsonObject().put("output_index", index)
        .put("item", new JsonObject().put("type", "reasoning").put("id", rotatingId("rs")).put("summary", new JsonArray())));
    JsonArray summary = new JsonArray();
    for (int part = 0; part < summaryParts.length; part++) {
      add("response.reasoning_summary_part.added", itemEvent(index, "rs").put("summary_index", part)
          .put("part", new JsonObject().put("type", "summary_text").put("text", "")));
      add("response.reasoning_summary_text.delta", itemEvent(index, "rs").put("summary_index", part).put("delta", summaryParts[part]));
      add("response.reasoning_summary_text.done", itemEvent(index, "rs").put("summary_index", part).put("text", summaryParts[part]));
      summary.add(new JsonObject().put("type", "summary_text").put("text", summaryParts[part]));
    }
    JsonObject item = new JsonObject().put("type", "reasoning").put("id", rotatingId("rs")).put("summary", summary);
    if (encryptedContent != null) {
      item.put("encrypted_content", encryptedContent);
    }
    return done(index, item);
  }

  UpstreamResponsesEvents message(String... pieces) {
    int index = output.size();
    add("response.output_item.added", new JsonObject().put("output_index", index).put("item", new JsonObject().put("type", "message")
        .put("id", rotatingId("msg")).put("role", "assistant").put("status", "in_progress").put("content", new JsonArray())));
    add("response.content_part.added", itemEvent(index, "msg").put("content_index", 0)
        .put("part", new JsonObject().put("type", "output_text").put("text", "").put("annotations", new JsonArray())));
    String text = String.join("", pieces);
    for (String piece : pieces) {
      add("response.output_text.delta", itemEvent(index, "msg").put("content_index", 0).put("delta", piece).put("logprobs", new JsonArray()));
    }
    add("response.output_text.done", itemEvent(index, "msg").put("content_index", 0).put("text", text));
    return done(index, messageItem(text));
  }

  UpstreamResponsesEvents functionCall(String callId, String name, String... fragments) {
    int index = output.size();
    add("response.output_item.added", new JsonObject().put("output_index", index).put("item", new JsonObject()
        .put("type", "function_call").put("id", rotatingId("fc")).put("call_id", callId).put("name", name).put("arguments", "")
        .put("status", "in_progress")));
    for (String fragment : fragments) {
      add("response.function_call_arguments.delta", itemEvent(index, "fc").put("delta", fragment));
    }
    String arguments = String.join("", fragments);
    add("response.function_call_arguments.done", itemEvent(index, "fc").put("name", name).put("arguments", arguments));
    return done(index, new JsonObject().put("type", "function_call").put("id", rotatingId("fc")).put("call_id", callId)
        .put("name", name).put("arguments", arguments).put("status", "completed"));
  }

  /** An item that appears only in output_item.done, as from upstreams that skip deltas. */
  UpstreamResponsesEvents itemWithoutDeltas(JsonObject item) {
    int index = output.size();
    add("response.output_item.added", new JsonObject().put("output_index", index).put("item", new JsonObject()
        .put("type", item.getString("type")).put("id", rotatingId("it"))));
    return done(index, item);
  }

  UpstreamResponsesEvents completed(JsonObject usage) {
    return add("response.completed", new JsonObject().put("response", response("completed").put("output", output.copy()).put("usage", usage)));
  }

  UpstreamResponsesEvents incomplete(String reason, JsonObject usage) {
    return add("response.incomplete", new JsonObject().put("response", response("incomplete").put("output", output.copy())
        .put("incomplete_details", new JsonObject().put("reason", reason)).put("usage", usage)));
  }

  UpstreamResponsesEvents failed(String code, String message) {
    return add("response.failed", new JsonObject().put("response", response("failed")
        .put("error", new JsonObject().put("code", code).put("message", message))));
  }

  static JsonObject usage(long input, long cached, long output, long reasoning) {
    return new JsonObject().put("input_tokens", input).put("input_tokens_details", new JsonObject().put("cached_tokens", cached))
        .put("output_tokens", output).put("output_tokens_details", new JsonObject().put("reasoning_tokens", reasoning))
        .put("total_tokens", input + output);
  }

  static JsonObject messageItem(String text) {
    return new JsonObject().put("type", "message").put("id", "msg_x").put("role", "assistant").put("status", "completed")
        .put("content", new JsonArray().add(new JsonObject().put("type", "output_text").put("text", text).put("annotations", new JsonArray())));
  }

  /** Feeds every event, with its SSE event name, then the end of the connection. */
  void feed(ResponsesToChatStream stream) {
    for (JsonObject event : events) {
      stream.onEvent(event.getString("type"), event);
    }
    stream.onEnd();
  }

  private UpstreamResponsesEvents done(int index, JsonObject item) {
    output.add(item);
    return add("response.output_item.done", new JsonObject().put("output_index", index).put("item", item));
  }

  private JsonObject itemEvent(int outputIndex, String prefix) {
    return new JsonObject().put("item_id", rotatingId(prefix)).put("output_index", outputIndex);
  }
}
