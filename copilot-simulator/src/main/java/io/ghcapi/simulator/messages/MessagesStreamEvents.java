package io.ghcapi.simulator.messages;

import io.ghcapi.simulator.content.TextChunks;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Renders an Anthropic Messages answer as the streaming grammar, each event with its {@code event:} line. */
final class MessagesStreamEvents {

  private final MessagesReply reply;
  private final List<String> events = new ArrayList<>();
  private boolean pinged;

  private MessagesStreamEvents(MessagesReply reply) {
    this.reply = reply;
  }

  static List<String> of(MessagesReply reply, int chunkCount) {
    return new MessagesStreamEvents(reply).render(chunkCount);
  }

  private List<String> render(int chunkCount) {
    add(new JsonObject().put("type", "message_start").put("message", reply.message(false)));
    int index = 0;
    if (reply.thinking()) {
      startBlock(index, reply.thinkingBlock("", ""));
      delta(index, new JsonObject().put("type", "thinking_delta").put("thinking", MessagesReply.THINKING_TEXT));
      delta(index, new JsonObject().put("type", "signature_delta").put("signature", reply.signature()));
      stopBlock(index++);
    }
    if (reply.answer().isToolCall()) {
      startBlock(index, reply.toolUseBlock(new JsonObject()));
      for (String fragment : TextChunks.split(reply.answer().toolCall().arguments(), 2)) {
        delta(index, new JsonObject().put("type", "input_json_delta").put("partial_json", fragment));
      }
    } else {
      startBlock(index, reply.textBlock(""));
      for (String piece : TextChunks.split(reply.answer().text(), chunkCount)) {
        delta(index, new JsonObject().put("type", "text_delta").put("text", piece));
      }
    }
    stopBlock(index);
    add(new JsonObject()
        .put("type", "message_delta")
        .put("delta", new JsonObject().put("stop_reason", reply.stopReason()).put("stop_sequence", null))
        .put("usage", new JsonObject().put("output_tokens", reply.outputTokens())));
    add(new JsonObject().put("type", "message_stop"));
    return events;
  }

  private void startBlock(int index, JsonObject block) {
    add(new JsonObject().put("type", "content_block_start").put("index", index).put("content_block", block));
    if (!pinged) {
      pinged = true;
      add(new JsonObject().put("type", "ping"));
    }
  }

  private void delta(int index, JsonObject delta) {
    add(new JsonObject().put("type", "content_block_delta").put("index", index).put("delta", delta));
  }

  private void stopBlock(int index) {
    add(new JsonObject().put("type", "content_block_stop").put("index", index));
  }

  private void add(JsonObject data) {
    events.add("event: " + data.getString("type") + "\ndata: " + data.encode() + "\n\n");
  }
}
