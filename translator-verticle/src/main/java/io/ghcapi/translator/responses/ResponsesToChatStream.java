package io.ghcapi.translator.responses;

import io.ghcapi.translator.StreamError;
import io.ghcapi.translator.chat.ChatChunkSink;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads an upstream Responses event stream and pushes the equivalent Chat Completions chunks into a
 * {@link ChatChunkSink}: a role chunk first, content / {@code reasoning_text} / tool call deltas, then a
 * finish chunk, a usage-only chunk and {@link ChatChunkSink#done()}; or {@link ChatChunkSink#error} when
 * the upstream fails or closes without a terminal event.
 *
 * <p>Copilot gives GPT models a new {@code response.id} and {@code item.id} on every event, so items are
 * followed by {@code output_index} only. What an item's {@code output_item.done} (or the final response)
 * holds beyond what its deltas carried is sent as one more delta, so upstreams that skip deltas lose nothing.
 */
public final class ResponsesToChatStream {

  private static final String SEPARATOR = "\n\n";

  private final ChatChunkSink sink;
  private final ChatChunks chunks;
  private final Map<Integer, StringBuilder> textByOutput = new HashMap<>();
  private final Map<Integer, StringBuilder> refusalByOutput = new HashMap<>();
  private final Map<Integer, ReasoningProgress> reasoningByOutput = new HashMap<>();
  private final Map<Integer, ToolCallProgress> toolCallByOutput = new HashMap<>();
  private boolean roleSent;
  private boolean reasoningSent;
  private boolean ended;

  public ResponsesToChatStream(ChatChunkSink sink, String requestedModel) {
    this.sink = sink;
    this.chunks = new ChatChunks(requestedModel);
  }

  /** One upstream event; {@code eventType} is the SSE {@code event:} name, or {@code null} to use {@code data.type}. */
  public void onEvent(String eventType, JsonObject data) {
    String type = eventType == null || eventType.isEmpty() ? JsonValues.string(data, "type") : eventType;
    if (ended || type == null) {
      return;
    }
    int outputIndex = (int) JsonValues.count(data, "output_index");
    String delta = JsonValues.string(data, "delta");
    switch (type) {
      case "response.output_text.delta" -> appendText(textByOutput, outputIndex, delta, "content");
      case "response.refusal.delta" -> appendText(refusalByOutput, outputIndex, delta, "refusal");
      case "response.reasoning_summary_text.delta" ->
          appendReasoning(outputIndex, "summary", JsonValues.count(data, "summary_index"), delta);
      case "response.reasoning_text.delta" -> appendReasoning(outputIndex, "content", JsonValues.count(data, "content_index"), delta);
      case "response.output_item.added" -> {
        JsonObject item = JsonValues.object(data, "item");
        // a call announced without its name is announced to the client at output_item.done, complete
        if (ResponsesOutput.isToolCall(item) && JsonValues.string(item, "name") != null) {
          toolCall(outputIndex, item);
        }
      }
      case "response.function_call_arguments.delta" -> {
        ToolCallProgress call = toolCallByOutput.get(outputIndex);
        if (call != null && !call.custom) {
          appendArguments(call, delta);
        }
      }
      case "response.output_item.done" -> catchUp(outputIndex, JsonValues.object(data, "item"));
      case "response.completed", "response.incomplete" -> finish(type, JsonValues.object(data, "response"));
      case "response.failed" -> {
        JsonObject error = JsonValues.object(JsonValues.object(data, "response"), "error");
        fail(JsonValues.string(error, "code"), JsonValues.string(error, "message"));
      }
      case "error" -> {
        JsonObject error = JsonValues.object(data, "error");
        JsonObject source = error != null ? error : data;
        fail(JsonValues.string(source, "code"), JsonValues.string(source, "message"));
      }
      default -> {
        // lifecycle, content_part, annotation, hosted-tool and keepalive events carry nothing Chat can show
      }
    }
  }

  /** The upstream connection ended; without a terminal event before it, the answer is incomplete. */
  public void onEnd() {
    if (!ended) {
      ended = true;
      sink.error(new StreamError(502, "upstream_stream_incomplete",
          "The upstream Responses stream ended before response.completed."));
    }
  }

  private void finish(String type, JsonObject response) {
    JsonArray output = JsonValues.array(response, "output");
    for (int i = 0; output != null && i < output.size(); i++) {
      catchUp(i, JsonValues.asObject(output.getValue(i)));
    }
    sendRole();
    boolean incomplete = "response.incomplete".equals(type) || "incomplete".equals(JsonValues.string(response, "status"));
    String incompleteReason = JsonValues.string(JsonValues.object(response, "incomplete_details"), "reason");
    ended = true;
    sink.chunk(chunks.finish(ResponsesResultToChat.finishReason(incomplete, incompleteReason, !toolCallByOutput.isEmpty())));
    sink.chunk(chunks.usage(Usages.responsesToChat(JsonValues.object(response, "usage"))));
    sink.done();
  }

  private void fail(String code, String message) {
    ended = true;
    sink.error(UpstreamErrors.streamError(code, message));
  }

  /** Sends what a finished item holds beyond what its deltas already carried. */
  private void catchUp(int outputIndex, JsonObject item) {
    String type = JsonValues.string(item, "type");
    if ("message".equals(type)) {
      appendMissing(textByOutput, outputIndex, ResponsesOutput.messageText(item), "content");
      appendMissing(refusalByOutput, outputIndex, ResponsesOutput.refusalText(item), "refusal");
    } else if ("reasoning".equals(type)) {
      ReasoningProgress progress = reasoningByOutput.computeIfAbsent(outputIndex, index -> new ReasoningProgress());
      String full = ResponsesOutput.reasoningText(item);
      String sent = progress.text.toString();
      if (full.length() > sent.length() && full.startsWith(sent)) {
        sendReasoning(progress, full.substring(sent.length()));
      }
      String encrypted = JsonValues.string(item, "encrypted_content");
      if (encrypted != null && !progress.opaqueSent) {
        progress.opaqueSent = true;
        sendRole();
        sink.chunk(chunks.delta(new JsonObject().put("reasoning_opaque", encrypted)));
      }
    } else if (ResponsesOutput.isToolCall(item)) {
      ToolCallProgress call = toolCall(outputIndex, item);
      String full = ResponsesOutput.toolArguments(item);
      String sent = call.arguments.toString();
      if (call.custom && !call.complete) {
        appendArguments(call, full);
      } else if (full.length() > sent.length() && full.startsWith(sent)) {
        appendArguments(call, full.substring(sent.length()));
      }
      call.complete = true;
    }
  }

  private ToolCallProgress toolCall(int outputIndex, JsonObject item) {
    ToolCallProgress existing = toolCallByOutput.get(outputIndex);
    if (existing != null) {
      return existing;
    }
    ToolCallProgress call = new ToolCallProgress(toolCallByOutput.size(), "custom_tool_call".equals(JsonValues.string(item, "type")));
    toolCallByOutput.put(outputIndex, call);
    String callId = JsonValues.string(item, "call_id");
    if (callId == null) {
      callId = JsonValues.string(item, "id") != null ? item.getString("id") : ChatChunks.newCallId();
    }
    sendRole();
    sink.chunk(chunks.delta(new JsonObject().put("tool_calls", new JsonArray().add(new JsonObject()
        .put("index", call.chatIndex)
        .put("id", callId)
        .put("type", "function")
        .put("function", new JsonObject().put("name", JsonValues.string(item, "name")).put("arguments", ""))))));
    return call;
  }

  private void appendArguments(ToolCallProgress call, String fragment) {
    if (!JsonValues.hasText(fragment)) {
      return;
    }
    call.arguments.append(fragment);
    sink.chunk(chunks.delta(new JsonObject().put("tool_calls", new JsonArray().add(new JsonObject()
        .put("index", call.chatIndex)
        .put("function", new JsonObject().put("arguments", fragment))))));
  }

  private void appendText(Map<Integer, StringBuilder> sent, int outputIndex, String delta, String field) {
    if (!JsonValues.hasText(delta)) {
      return;
    }
    sent.computeIfAbsent(outputIndex, index -> new StringBuilder()).append(delta);
    sendRole();
    sink.chunk(chunks.delta(new JsonObject().put(field, delta)));
  }

  private void appendMissing(Map<Integer, StringBuilder> sent, int outputIndex, String full, String field) {
    StringBuilder already = sent.get(outputIndex);
    String prefix = already == null ? "" : already.toString();
    if (full.length() > prefix.length() && full.startsWith(prefix)) {
      appendText(sent, outputIndex, full.substring(prefix.length()), field);
    }
  }

  private void appendReasoning(int outputIndex, String kind, long partIndex, String delta) {
    if (!JsonValues.hasText(delta)) {
      return;
    }
    ReasoningProgress progress = reasoningByOutput.computeIfAbsent(outputIndex, index -> new ReasoningProgress());
    String part = kind + ":" + partIndex;
    if (progress.part != null && !progress.part.equals(part) && progress.text.length() > 0) {
      sendReasoning(progress, SEPARATOR); // a new summary part is a new paragraph, as in the item's joined text
    }
    progress.part = part;
    sendReasoning(progress, delta);
  }

  private void sendReasoning(ReasoningProgress progress, String text) {
    String prefix = progress.text.length() == 0 && reasoningSent ? SEPARATOR : "";
    progress.text.append(text);
    reasoningSent = true;
    sendRole();
    sink.chunk(chunks.delta(new JsonObject().put("reasoning_text", prefix + text)));
  }

  private void sendRole() {
    if (!roleSent) {
      roleSent = true;
      sink.chunk(chunks.delta(new JsonObject().put("role", "assistant").put("content", "")));
    }
  }

  private static final class ReasoningProgress {
    final StringBuilder text = new StringBuilder();
    String part;
    boolean opaqueSent;
  }

  private static final class ToolCallProgress {
    final int chatIndex;
    final boolean custom;
    final StringBuilder arguments = new StringBuilder();
    boolean complete;

    ToolCallProgress(int chatIndex, boolean custom) {
      this.chatIndex = chatIndex;
      this.custom = custom;
    }
  }
}
