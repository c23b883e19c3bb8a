package io.ghcapi.simulator.responses;

import io.ghcapi.simulator.content.Answer;
import io.ghcapi.simulator.content.TokenEstimate;
import io.ghcapi.simulator.content.ToolCall;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Everything needed to render one Responses API answer, streamed or not.
 *
 * @param id the response id
 * @param createdAt creation time, epoch seconds
 * @param model the model id
 * @param answer the text or tool call
 * @param reasoning the reasoning item, or {@code null}
 * @param outputItemId the id of the message or function_call item
 * @param inputTokens estimated input tokens
 * @param request the request body, for the fields a response echoes
 */
record ResponsesReply(String id, long createdAt, String model, Answer answer, ReasoningItem reasoning,
    String outputItemId, int inputTokens, JsonObject request) {

  int reasoningTokens() {
    return reasoning == null ? 0 : TokenEstimate.ofChars(reasoning.summary().length());
  }

  JsonObject usage() {
    int outputTokens = TokenEstimate.ofChars(answer.generatedChars()) + reasoningTokens();
    return new JsonObject()
        .put("input_tokens", inputTokens)
        .put("input_tokens_details", new JsonObject().put("cached_tokens", 0).put("cache_write_tokens", 0))
        .put("output_tokens", outputTokens)
        .put("output_tokens_details", new JsonObject().put("reasoning_tokens", reasoningTokens()))
        .put("total_tokens", inputTokens + outputTokens);
  }

  /** The index of the answer item in {@code output}: after the reasoning item, if any. */
  int answerIndex() {
    return reasoning == null ? 0 : 1;
  }

  JsonObject outputText(String text) {
    return new JsonObject().put("type", "output_text").put("text", text).put("annotations", new JsonArray())
        .put("logprobs", new JsonArray());
  }

  JsonObject messageItem(String status, JsonArray content) {
    return new JsonObject()
        .put("type", "message")
        .put("id", outputItemId)
        .put("status", status)
        .put("role", "assistant")
        .put("content", content);
  }

  JsonObject functionCallItem(String status, String arguments) {
    ToolCall call = answer.toolCall();
    return new JsonObject()
        .put("type", "function_call")
        .put("id", outputItemId)
        .put("call_id", call.id())
        .put("name", call.name())
        .put("arguments", arguments)
        .put("status", status);
  }

  JsonObject completedAnswerItem() {
    return answer.isToolCall()
        ? functionCallItem("completed", answer.toolCall().arguments())
        : messageItem("completed", new JsonArray().add(outputText(answer.text())));
  }

  JsonArray completedOutput() {
    JsonArray output = new JsonArray();
    if (reasoning != null) {
      output.add(reasoning.completed());
    }
    return output.add(completedAnswerItem());
  }

  /** The response object; {@code output} and {@code usage} are left empty unless completed. */
  JsonObject response(boolean completed) {
    JsonObject response = new JsonObject()
        .put("id", id)
        .put("object", "response")
        .put("created_at", createdAt)
        .put("status", completed ? "completed" : "in_progress")
        .put("error", null)
        .put("incomplete_details", null)
        .put("instructions", request.getValue("instructions"))
        .put("max_output_tokens", request.getValue("max_output_tokens"))
        .put("model", model)
        .put("output", completed ? completedOutput() : new JsonArray())
        .put("parallel_tool_calls", request.getValue("parallel_tool_calls", true))
        .put("previous_response_id", request.getValue("previous_response_id"))
        .put("reasoning", request.getValue("reasoning"))
        .put("store", request.getValue("store", false))
        .put("temperature", request.getValue("temperature", 1.0))
        .put("tool_choice", request.getValue("tool_choice", "auto"))
        .put("tools", request.getValue("tools", new JsonArray()))
        .put("top_p", request.getValue("top_p", 1.0))
        .put("truncation", "disabled")
        .put("metadata", request.getValue("metadata", new JsonObject()))
        .put("usage", completed ? usage() : null);
    return response;
  }
}
