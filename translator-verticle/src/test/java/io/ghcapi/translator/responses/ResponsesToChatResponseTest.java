package io.ghcapi.translator.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.translator.StreamError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ResponsesToChatResponseTest {

  private static JsonObject response(String status, JsonArray output) {
    return new JsonObject().put("id", "resp_9").put("object", "response").put("created_at", 1_700_000_123L).put("status", status)
        .put("model", "gpt-5-codex").put("output", output).put("usage", UpstreamResponsesEvents.usage(100, 30, 20, 5));
  }

  private static JsonObject reasoningItem() {
    return new JsonObject().put("type", "reasoning").put("id", "rs_1")
        .put("summary", new JsonArray().add(new JsonObject().put("type", "summary_text").put("text", "Thinking.")))
        .put("encrypted_content", "enc");
  }

  private static JsonObject functionCall() {
    return new JsonObject().put("type", "function_call").put("id", "fc_1").put("call_id", "call_1").put("name", "shell")
        .put("arguments", "{\"cmd\":\"ls\"}").put("status", "completed");
  }

  @Test
  void aResponseBecomesAChatCompletionForTheRequestedModel() {
    JsonObject completion = ResponsesToChat.response(response("completed", new JsonArray()
        .add(reasoningItem()).add(UpstreamResponsesEvents.messageItem("Let me look.")).add(functionCall())), "my-model");

    assertEquals("chatcmpl-9", completion.getString("id"));
    assertEquals("chat.completion", completion.getString("object"));
    assertEquals(1_700_000_123L, completion.getLong("created"));
    assertEquals("my-model", completion.getString("model"));
    JsonObject choice = completion.getJsonArray("choices").getJsonObject(0);
    assertEquals("tool_calls", choice.getString("finish_reason"));
    assertTrue(choice.containsKey("logprobs"));
    assertNull(choice.getValue("logprobs"));
    JsonObject message = choice.getJsonObject("message");
    assertEquals(new JsonObject().put("role", "assistant").put("content", "Let me look.").put("refusal", null)
        .put("tool_calls", new JsonArray().add(new JsonObject().put("id", "call_1").put("type", "function")
            .put("function", new JsonObject().put("name", "shell").put("arguments", "{\"cmd\":\"ls\"}"))))
        .put("reasoning_text", "Thinking.").put("reasoning_opaque", "enc"), message);
    assertEquals(new JsonObject().put("prompt_tokens", 100L).put("completion_tokens", 20L).put("total_tokens", 120L)
        .put("prompt_tokens_details", new JsonObject().put("cached_tokens", 30L))
        .put("completion_tokens_details", new JsonObject().put("reasoning_tokens", 5L)), completion.getJsonObject("usage"));
  }

  @Test
  void aTextOnlyAnswerStopsAndHasNoToolCalls() {
    JsonObject choice = ResponsesToChat.response(response("completed", new JsonArray().add(UpstreamResponsesEvents.messageItem("Hi"))), "m")
        .getJsonArray("choices").getJsonObject(0);

    assertEquals("stop", choice.getString("finish_reason"));
    assertEquals("Hi", choice.getJsonObject("message").getString("content"));
    assertFalse(choice.getJsonObject("message").containsKey("tool_calls"));
  }

  @Test
  void incompleteResponsesFinishWithLengthOrContentFilter() {
    JsonObject cut = response("incomplete", new JsonArray().add(UpstreamResponsesEvents.messageItem("Hal")))
        .put("incomplete_details", new JsonObject().put("reason", "max_output_tokens"));
    JsonObject filtered = response("incomplete", new JsonArray())
        .put("incomplete_details", new JsonObject().put("reason", "content_filter"));

    assertEquals("length", ResponsesToChat.response(cut, "m").getJsonArray("choices").getJsonObject(0).getString("finish_reason"));
    assertEquals("content_filter", ResponsesToChat.response(filtered, "m").getJsonArray("choices").getJsonObject(0)
        .getString("finish_reason"));
  }

  @Test
  void aFailedResponseIsReportedAsAFailureNotAnEmptyCompletion() {
    JsonObject failed = response("failed", new JsonArray())
        .put("error", new JsonObject().put("code", "context_length_exceeded").put("message", "too long"));

    ResponsesFailedException thrown = assertThrows(ResponsesFailedException.class, () -> ResponsesToChat.response(failed, "m"));
    assertEquals(new StreamError(400, "context_length_exceeded", "too long"), thrown.error());
  }

  @Test
  void aCustomToolCallBecomesAFunctionCallWithInputArguments() {
    JsonObject call = ResponsesToChat.response(response("completed", new JsonArray().add(new JsonObject().put("type", "custom_tool_call")
        .put("call_id", "call_p").put("name", "apply_patch").put("input", "patch text"))), "m")
        .getJsonArray("choices").getJsonObject(0).getJsonObject("message").getJsonArray("tool_calls").getJsonObject(0);

    assertEquals(new JsonObject().put("input", "patch text"), new JsonObject(call.getJsonObject("function").getString("arguments")));
  }

  @Test
  void noOutputGivesNullContentAndZeroUsageWhenUsageIsMissing() {
    JsonObject completion = ResponsesToChat.response(new JsonObject().put("status", "completed"), "m");

    assertNull(completion.getJsonArray("choices").getJsonObject(0).getJsonObject("message").getValue("content"));
    assertEquals(0L, completion.getJsonObject("usage").getLong("total_tokens"));
    assertTrue(completion.getString("id").startsWith("chatcmpl-"));
  }
}
