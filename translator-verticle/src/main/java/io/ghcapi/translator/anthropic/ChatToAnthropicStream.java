package io.ghcapi.translator.anthropic;

import io.ghcapi.bus.TokenUsage;
import io.ghcapi.translator.SseBuffer;
import io.ghcapi.translator.StreamError;
import io.ghcapi.translator.ToolNames;
import io.ghcapi.translator.chat.ChatChunkSink;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a Chat Completions stream into Anthropic SSE events in {@link SseBuffer}. The events always form a
 * valid Anthropic stream: {@code message_start} first; content blocks numbered from 0, one open at a time,
 * never an empty text block; one {@code message_delta} holding the stop reason and the usage (which Chat
 * sends after the finish, so the delta waits for it); {@code message_stop} last. A failure ends the stream
 * with an {@code error} event instead.
 *
 * <p>Tool calls stream live. Should an upstream interleave the fragments of parallel calls, a call that
 * starts while another one's arguments are still open is held back and sent whole before the
 * {@code message_delta}, so no block ever has to be reopened.
 */
public final class ChatToAnthropicStream implements ChatChunkSink {

  private enum CallState { AWAITING_NAME, HELD, STARTED }

  private static final class ToolCall {
    String id;
    String name;
    CallState state = CallState.AWAITING_NAME;
    final StringBuilder heldArguments = new StringBuilder();
    final JsonEndTracker arguments = new JsonEndTracker();
    int blockIndex = -1;
  }

  private final SseBuffer out;
  private final String requestedModel;
  private final String messageId;
  private final ToolNames names;
  private final StreamedMessage message;
  private final ContentBlockWriter blocks;

  /** By choice and tool-call index: Copilot may spread one answer over two choices. */
  private final Map<String, ToolCall> toolCalls = new HashMap<>();
  private final Map<String, ToolCall> heldCalls = new LinkedHashMap<>();
  private ToolCall startedCall;
  /** A signature that arrived while a tool block was open; it gets a thinking block of its own at the end. */
  private final StringBuilder lateSignature = new StringBuilder();

  private boolean started;
  private boolean ended;
  private boolean refusalSent;
  /** Null until a finish reason arrives; the message_delta goes out once it is known and the usage has come. */
  private String stopReason;
  private String finalStopReason;
  private ChatUsage usage;

  public ChatToAnthropicStream(SseBuffer out, String requestedModel, String messageId, ToolNames names) {
    this.out = out;
    this.requestedModel = requestedModel;
    this.messageId = messageId;
    this.names = names == null ? new ToolNames() : names;
    this.message = new StreamedMessage(messageId, requestedModel);
    this.blocks = new ContentBlockWriter(out, message);
  }

  @Override
  public void chunk(JsonObject chunk) {
    if (ended) {
      return;
    }
    ChatUsage chunkUsage = ChatUsage.from(chunk.getValue("usage") instanceof JsonObject u ? u : null);
    if (chunkUsage != null) {
      usage = chunkUsage;
    }
    if (!started) {
      start();
    }
    if (chunk.getValue("choices") instanceof JsonArray choices) {
      for (int i = 0; i < choices.size(); i++) {
        if (choices.getValue(i) instanceof JsonObject choice) {
          choice(choice, i);
        }
      }
    }
    if (stopReason != null && chunkUsage != null) {
      finish();
    }
  }

  @Override
  public void done() {
    if (ended) {
      return;
    }
    if (!started) {
      start();
    }
    finish();
  }

  @Override
  public void error(StreamError error) {
    if (ended) {
      return;
    }
    ended = true;
    String text = error.message() == null || error.message().isBlank()
        ? "Upstream stream failed (HTTP " + error.status() + ")" : error.message();
    out.event("error", AnthropicErrors.body(error.status(), text));
  }

  /** The usage last reported upstream, in the one accounting model; {@link TokenUsage#NONE} before any. */
  public TokenUsage usage() {
    return usage == null ? TokenUsage.NONE : usage.tokenUsage();
  }

  /** The complete Anthropic message the stream amounted to so far (bounded; see {@link StreamedMessage}). */
  public JsonObject message() {
    return message.toJson(finalStopReason, usageJson());
  }

  private void start() {
    started = true;
    JsonObject startMessage = new JsonObject()
        .put("id", messageId)
        .put("type", "message")
        .put("role", "assistant")
        .put("content", new JsonArray())
        .put("model", requestedModel)
        .put("stop_reason", null)
        .put("stop_sequence", null)
        .put("usage", usageJson().put("output_tokens", 0));
    out.event("message_start", new JsonObject().put("type", "message_start").put("message", startMessage));
    out.event("ping", new JsonObject().put("type", "ping"));
  }

  private void choice(JsonObject choice, int position) {
    Object index = choice.getValue("index");
    String choiceKey = index instanceof Number n ? n.toString() : Integer.toString(position);
    if (choice.getValue("delta") instanceof JsonObject delta) {
      delta(delta, choiceKey);
    }
    if (choice.getValue("finish_reason") instanceof String finishReason) {
      stopReason = StopReasons.stronger(stopReason, StopReasons.of(finishReason));
      blocks.close();
    }
  }

  /** Thinking first, then text, then tool calls: the order a combined delta is meant in. */
  private void delta(JsonObject delta, String choiceKey) {
    String reasoning = ChatToAnthropic.reasoningText(delta);
    if (!reasoning.isEmpty()) {
      blocks.thinking(reasoning);
    }
    String signature = ChatToAnthropic.stringOrEmpty(delta.getValue("reasoning_opaque"));
    if (!signature.isEmpty()) {
      // Copilot may send it along with a tool call's arguments; closing that tool block early would cut them.
      if (blocks.toolUseOpen()) {
        lateSignature.append(signature);
      } else {
        blocks.signature(signature);
      }
    }
    String text = ChatToAnthropic.textOf(delta.getValue("content"));
    if (!text.isEmpty()) {
      blocks.text(text);
    }
    String refusal = ChatToAnthropic.stringOrEmpty(delta.getValue("refusal"));
    if (!refusal.isEmpty()) {
      blocks.text(refusal);
      refusalSent = true;
    }
    if (delta.getValue("tool_calls") instanceof JsonArray fragments) {
      for (Object fragment : fragments) {
        if (fragment instanceof JsonObject toolCallDelta) {
          toolFragment(toolCallDelta, choiceKey);
        }
      }
    }
  }

  private void toolFragment(JsonObject fragment, String choiceKey) {
    String key = choiceKey + ":" + (fragment.getValue("index") instanceof Number n ? n.toString() : "0");
    JsonObject function = fragment.getValue("function") instanceof JsonObject f ? f : new JsonObject();
    String id = nonEmpty(fragment.getValue("id"));
    String name = nonEmpty(function.getValue("name"));
    String arguments = ChatToAnthropic.stringOrEmpty(function.getValue("arguments"));
    ToolCall call = toolCalls.get(key);
    if (call == null) {
      if (id == null && name == null && arguments.isEmpty()) {
        return;
      }
      call = new ToolCall();
      toolCalls.put(key, call);
    }
    if (call.id == null) {
      call.id = id;
    }
    if (call.name == null) {
      call.name = name;
    }
    switch (call.state) {
      case AWAITING_NAME -> {
        call.heldArguments.append(arguments);
        if (call.name == null) {
          heldCalls.put(key, call);
        } else if (startedCallStillOpen()) {
          call.state = CallState.HELD;
          heldCalls.put(key, call);
        } else {
          heldCalls.remove(key);
          startTool(call);
        }
      }
      case HELD -> call.heldArguments.append(arguments);
      case STARTED -> {
        // Once its block has stopped, fragments are dropped: after the call's JSON has closed only whitespace can
        // follow, and text in the middle of a call's arguments asks for an order Anthropic's blocks cannot express.
        if (blocks.isOpen(call.blockIndex)) {
          call.arguments.feed(arguments);
          blocks.toolArguments(arguments);
        }
      }
    }
  }

  /** Whether the call being streamed is still open and its arguments unfinished: a new call must then wait. */
  private boolean startedCallStillOpen() {
    return startedCall != null && blocks.isOpen(startedCall.blockIndex) && !startedCall.arguments.closed();
  }

  private void startTool(ToolCall call) {
    String name = call.name == null ? MessageTranslator.UNNAMED_TOOL : names.incoming(call.name);
    call.blockIndex = blocks.startToolUse(ToolCallIds.normalize(call.id), name);
    call.state = CallState.STARTED;
    startedCall = call;
    String held = call.heldArguments.toString();
    call.heldArguments.setLength(0);
    call.arguments.feed(held);
    blocks.toolArguments(held);
  }

  /** Closes what is open, sends held tool calls and signatures, then the one message_delta and message_stop. */
  private void finish() {
    blocks.close();
    for (ToolCall held : new ArrayList<>(heldCalls.values())) {
      startTool(held);
      blocks.close();
    }
    heldCalls.clear();
    if (lateSignature.length() > 0) {
      blocks.signature(lateSignature.toString());
      lateSignature.setLength(0);
      blocks.close();
    }
    ended = true;
    String reason = refusalSent ? StopReasons.stronger(stopReason, "refusal") : stopReason;
    finalStopReason = StopReasons.withToolUse(reason, blocks.anyToolUse());
    JsonObject delta = new JsonObject().put("stop_reason", finalStopReason).put("stop_sequence", null);
    out.event("message_delta",
        new JsonObject().put("type", "message_delta").put("delta", delta).put("usage", usageJson()));
    out.event("message_stop", new JsonObject().put("type", "message_stop"));
  }

  private JsonObject usageJson() {
    return usage == null ? ChatUsage.completeUsage(TokenUsage.NONE) : usage.anthropicComplete();
  }

  private static String nonEmpty(Object value) {
    return value instanceof String text && !text.isEmpty() ? text : null;
  }
}
