package io.ghcapi.simulator.messages;

import io.ghcapi.simulator.content.Answer;
import io.ghcapi.simulator.content.TokenEstimate;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Everything needed to render one Anthropic Messages answer, streamed or not.
 *
 * @param id the message id
 * @param model the model id
 * @param answer the text or tool call
 * @param thinking whether a thinking block comes first
 * @param inputTokens estimated input tokens
 */
record MessagesReply(String id, String model, Answer answer, boolean thinking, int inputTokens) {

  static final String THINKING_TEXT = "Simulated thinking.";

  String stopReason() {
    return answer.isToolCall() ? "tool_use" : "end_turn";
  }

  String signature() {
    return Base64.getEncoder().encodeToString(("simulated signature for " + id).getBytes(StandardCharsets.UTF_8));
  }

  int outputTokens() {
    return TokenEstimate.ofChars(answer.generatedChars() + (thinking ? THINKING_TEXT.length() : 0));
  }

  JsonObject thinkingBlock(String text, String signature) {
    return new JsonObject().put("type", "thinking").put("thinking", text).put("signature", signature);
  }

  JsonObject textBlock(String text) {
    return new JsonObject().put("type", "text").put("text", text);
  }

  JsonObject toolUseBlock(JsonObject input) {
    return new JsonObject()
        .put("type", "tool_use")
        .put("id", answer.toolCall().id())
        .put("name", answer.toolCall().name())
        .put("input", input);
  }

  JsonObject usage(int outputTokens) {
    return new JsonObject()
        .put("input_tokens", inputTokens)
        .put("output_tokens", outputTokens)
        .put("cache_creation_input_tokens", 0)
        .put("cache_read_input_tokens", 0);
  }

  /** The message; when not {@code completed} it is the empty shell {@code message_start} carries. */
  JsonObject message(boolean completed) {
    JsonArray content = new JsonArray();
    if (completed) {
      if (thinking) {
        content.add(thinkingBlock(THINKING_TEXT, signature()));
      }
      content.add(answer.isToolCall()
          ? toolUseBlock(new JsonObject(answer.toolCall().arguments()))
          : textBlock(answer.text()).put("citations", null));
    }
    return new JsonObject()
        .put("id", id)
        .put("type", "message")
        .put("role", "assistant")
        .put("model", model)
        .put("content", content)
        .put("stop_reason", completed ? stopReason() : null)
        .put("stop_sequence", null)
        .put("usage", usage(completed ? outputTokens() : 1));
  }
}
