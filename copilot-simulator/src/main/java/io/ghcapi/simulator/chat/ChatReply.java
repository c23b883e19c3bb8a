package io.ghcapi.simulator.chat;

import io.ghcapi.simulator.content.Answer;
import io.ghcapi.simulator.content.TokenEstimate;
import io.vertx.core.json.JsonObject;

/** Everything needed to render one Chat Completions answer, streamed or not. */
record ChatReply(String id, long created, String model, Answer answer, int promptTokens) {

  static final String SYSTEM_FINGERPRINT = "fp_sim";

  String finishReason() {
    return answer.isToolCall() ? "tool_calls" : "stop";
  }

  JsonObject usage() {
    int completionTokens = TokenEstimate.ofChars(answer.generatedChars());
    return new JsonObject()
        .put("prompt_tokens", promptTokens)
        .put("completion_tokens", completionTokens)
        .put("total_tokens", promptTokens + completionTokens)
        .put("prompt_tokens_details", new JsonObject().put("cached_tokens", 0))
        .put("completion_tokens_details", new JsonObject().put("reasoning_tokens", 0));
  }
}
