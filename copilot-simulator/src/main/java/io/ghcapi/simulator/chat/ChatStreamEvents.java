package io.ghcapi.simulator.chat;

import io.ghcapi.simulator.content.TextChunks;
import io.ghcapi.simulator.content.ToolCall;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a Chat Completions answer as SSE {@code data:} events: a role chunk, the content (or tool-call)
 * deltas, a finish chunk carrying usage (where Copilot puts it), an optional usage-only chunk, and
 * {@code [DONE]}.
 */
final class ChatStreamEvents {

  private static final String DONE = "data: [DONE]\n\n";

  private ChatStreamEvents() {
  }

  static List<String> of(ChatReply reply, int chunkCount, boolean includeUsageChunk) {
    List<String> events = new ArrayList<>(chunkCount + 5);
    events.add(chunk(reply, new JsonObject().put("role", "assistant").put("content", ""), null, null));
    if (reply.answer().isToolCall()) {
      ToolCall call = reply.answer().toolCall();
      events.add(chunk(reply, toolDelta(new JsonObject()
          .put("index", 0)
          .put("id", call.id())
          .put("type", "function")
          .put("function", new JsonObject().put("name", call.name()).put("arguments", ""))), null, null));
      for (String fragment : TextChunks.split(call.arguments(), 2)) {
        events.add(chunk(reply, toolDelta(new JsonObject()
            .put("index", 0)
            .put("function", new JsonObject().put("arguments", fragment))), null, null));
      }
    } else {
      for (String piece : TextChunks.split(reply.answer().text(), chunkCount)) {
        events.add(chunk(reply, new JsonObject().put("content", piece), null, null));
      }
    }
    JsonObject usage = reply.usage();
    events.add(chunk(reply, new JsonObject(), reply.finishReason(), usage));
    if (includeUsageChunk) {
      events.add(frame(base(reply).put("choices", new JsonArray()).put("usage", usage)));
    }
    events.add(DONE);
    return events;
  }

  private static JsonObject toolDelta(JsonObject toolCallFragment) {
    return new JsonObject().put("tool_calls", new JsonArray().add(toolCallFragment));
  }

  private static String chunk(ChatReply reply, JsonObject delta, String finishReason, JsonObject usage) {
    JsonObject choice = new JsonObject().put("index", 0).put("delta", delta).put("finish_reason", finishReason);
    JsonObject chunk = base(reply).put("choices", new JsonArray().add(choice));
    if (usage != null) {
      chunk.put("usage", usage);
    }
    return frame(chunk);
  }

  private static JsonObject base(ChatReply reply) {
    return new JsonObject()
        .put("id", reply.id())
        .put("object", "chat.completion.chunk")
        .put("created", reply.created())
        .put("model", reply.model())
        .put("system_fingerprint", ChatReply.SYSTEM_FINGERPRINT);
  }

  private static String frame(JsonObject chunk) {
    return "data: " + chunk.encode() + "\n\n";
  }
}
