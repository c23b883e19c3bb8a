package io.ghcapi.translator.responses;

import io.ghcapi.bus.TokenUsage;
import io.ghcapi.translator.SseBuffer;
import io.ghcapi.translator.StreamError;
import io.ghcapi.translator.chat.ChatChunkSink;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a Chat Completions chunk stream as a Responses event stream, the way Codex and the OpenAI SDKs
 * read it: {@code response.created}, {@code response.in_progress}, then each output item from
 * {@code output_item.added} to {@code output_item.done} (items never interleave; {@code output_index}
 * counts up from 0), then exactly one terminal event: {@code response.completed}, {@code response.incomplete}
 * (finish {@code length} or {@code content_filter}) or {@code response.failed}. The terminal event waits for
 * the usage chunk that follows the finish chunk, or for {@link #done()}.
 */
public final class ChatToResponsesStream implements ChatChunkSink {

  private final ResponsesEventWriter events;
  private final ResponsesReplyContext context;
  private final OutputItems items;
  private final JsonArray output = new JsonArray();
  private int nextOutputIndex;

  // At most one of these is open: a reasoning item, a message, or a run of consecutive tool calls.
  private StreamedReasoning reasoning;
  private StreamedMessage message;
  // Only the first call of a run streams live; later calls of the run are written when the run ends, so a
  // late argument fragment for an earlier call (parallel calls interleaved upstream) is never lost.
  private final List<StreamedToolCall> toolRun = new ArrayList<>();
  private final Map<Integer, StreamedToolCall> toolRunByIndex = new HashMap<>();

  private boolean started;
  private boolean finishSeen;
  private String finishReason;
  private JsonObject chatUsage;
  private JsonObject finalResponse;

  public ChatToResponsesStream(SseBuffer out, ResponsesReplyContext context) {
    this.events = new ResponsesEventWriter(out);
    this.context = context;
    this.items = new OutputItems(context);
  }

  @Override
  public void chunk(JsonObject chunk) {
    if (finalResponse != null) {
      return;
    }
    start();
    JsonObject usage = JsonValues.object(chunk, "usage");
    if (usage != null) {
      chatUsage = usage;
    }
    JsonObject choice = firstChoice(chunk);
    if (!finishSeen && choice != null) {
      applyDelta(JsonValues.object(choice, "delta"));
      String reason = JsonValues.string(choice, "finish_reason");
      if (reason != null) {
        finishSeen = true;
        finishReason = reason;
        closeOpenItems(ResponseEnvelope.incompleteReason(reason) == null ? "completed" : "incomplete");
      }
    }
    if (finishSeen && chatUsage != null) {
      complete();
    }
  }

  @Override
  public void done() {
    if (finalResponse == null) {
      start();
      complete();
    }
  }

  @Override
  public void error(StreamError error) {
    if (finalResponse != null) {
      return;
    }
    start();
    if (finishSeen) {
      complete(); // only the usage chunk was lost: the answer itself is whole
      return;
    }
    // An open item stays open: Codex runs tool calls from output_item.done, so a half-streamed call must not get one.
    finalResponse = ResponseEnvelope.failed(context, output.copy(), chatUsage == null ? null : Usages.chatToResponses(chatUsage),
        UpstreamErrors.responsesCode(error), error.message() == null ? "Upstream stream failed." : error.message());
    events.emit("response.failed", new JsonObject().put("response", finalResponse));
  }

  /** Token usage from the upstream usage chunk, in the gateway's accounting model; zeros before it arrives. */
  public TokenUsage usage() {
    return Usages.tokenUsage(chatUsage);
  }

  /**
   * The response as the client got it in the terminal event (or as far as it got), for the request
   * history; its text is capped at 1 Mi characters, and a cut response carries {@code "_truncated": true}.
   */
  public JsonObject response() {
    return TextCap.cap(finalResponse != null ? finalResponse : ResponseEnvelope.inProgress(context, output.copy()));
  }

  private void start() {
    if (started) {
      return;
    }
    started = true;
    JsonObject response = ResponseEnvelope.inProgress(context, new JsonArray());
    events.emit("response.created", new JsonObject().put("response", response));
    events.emit("response.in_progress", new JsonObject().put("response", response.copy()));
  }

  private void complete() {
    String incompleteReason = ResponseEnvelope.incompleteReason(finishReason);
    closeOpenItems(incompleteReason == null ? "completed" : "incomplete");
    finalResponse = ResponseEnvelope.finished(context, output.copy(), Usages.chatToResponses(chatUsage), incompleteReason);
    events.emit(incompleteReason == null ? "response.completed" : "response.incomplete",
        new JsonObject().put("response", finalResponse));
  }

  private void applyDelta(JsonObject delta) {
    if (delta == null) {
      return;
    }
    String reasoningText = ChatMessages.reasoningText(delta);
    if (JsonValues.hasText(reasoningText)) {
      reasoning().appendSummary(reasoningText);
    }
    String opaque = JsonValues.string(delta, "reasoning_opaque");
    if (JsonValues.hasText(opaque)) {
      reasoning().appendEncryptedContent(opaque);
    }
    String content = JsonValues.string(delta, "content");
    if (JsonValues.hasText(content)) {
      message().appendText(content);
    }
    String refusal = JsonValues.string(delta, "refusal");
    if (JsonValues.hasText(refusal)) {
      message().appendRefusal(refusal);
    }
    JsonArray toolCalls = JsonValues.array(delta, "tool_calls");
    if (toolCalls != null) {
      for (int position = 0; position < toolCalls.size(); position++) {
        JsonObject call = JsonValues.asObject(toolCalls.getValue(position));
        if (call != null) {
          applyToolCallDelta(call, position);
        }
      }
    }
  }

  private void applyToolCallDelta(JsonObject call, int position) {
    int index = call.getValue("index") instanceof Number number ? number.intValue() : position;
    String callId = JsonValues.string(call, "id");
    JsonObject function = JsonValues.object(call, "function");
    StreamedToolCall streamed = toolRunByIndex.get(index);
    // a new id on a known index is a new call (some upstreams number every call 0)
    if (streamed == null || (callId != null && !callId.equals(streamed.callId()))) {
      if (reasoning != null || message != null) {
        closeOpenItems("completed");
      }
      streamed = new StreamedToolCall(events,
          items.toolCall(callId == null ? items.nextId("call") : callId, JsonValues.string(function, "name")));
      toolRunByIndex.put(index, streamed);
      toolRun.add(streamed);
      if (toolRun.size() == 1) {
        streamed.open(nextOutputIndex++);
      }
    }
    String arguments = JsonValues.string(function, "arguments");
    if (JsonValues.hasText(arguments)) {
      streamed.appendArguments(arguments);
    }
  }

  private StreamedReasoning reasoning() {
    if (reasoning == null) {
      closeOpenItems("completed");
      reasoning = new StreamedReasoning(events, items.nextId("rs"), nextOutputIndex++);
    }
    return reasoning;
  }

  private StreamedMessage message() {
    if (message == null) {
      closeOpenItems("completed");
      message = new StreamedMessage(events, items.nextId("msg"), nextOutputIndex++);
    }
    return message;
  }

  /** Closes whatever is open; the last item closed gets {@code lastStatus}. */
  private void closeOpenItems(String lastStatus) {
    List<StreamedItem> closing = new ArrayList<>();
    if (reasoning != null) {
      closing.add(reasoning);
    }
    if (message != null) {
      closing.add(message);
    }
    closing.addAll(toolRun);
    for (int i = 0; i < closing.size(); i++) {
      StreamedItem item = closing.get(i);
      if (item instanceof StreamedToolCall call && !call.isOpen()) {
        call.open(nextOutputIndex++);
      }
      output.add(item.close(i == closing.size() - 1 ? lastStatus : "completed"));
    }
    reasoning = null;
    message = null;
    toolRun.clear();
    toolRunByIndex.clear();
  }

  private static JsonObject firstChoice(JsonObject chunk) {
    JsonArray choices = JsonValues.array(chunk, "choices");
    if (choices == null) {
      return null;
    }
    for (Object value : choices) {
      JsonObject choice = JsonValues.asObject(value);
      if (choice != null && JsonValues.count(choice, "index") == 0) {
        return choice;
      }
    }
    return null;
  }
}
