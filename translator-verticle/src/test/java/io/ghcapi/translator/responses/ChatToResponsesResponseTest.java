package io.ghcapi.translator.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.translator.TranslatedRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatToResponsesResponseTest {

  static final String LONG_NAME = "mcp__a_very_long_server_name_for_testing__and_an_even_longer_tool_name_here";

  static JsonObject codexLikeRequest() {
    return new JsonObject().put("model", "gpt-5-codex").put("instructions", "Be brief.").put("input", "hi")
        .put("tools", new JsonArray()
            .add(new JsonObject().put("type", "function").put("name", "shell").put("parameters", new JsonObject().put("type", "object")))
            .add(new JsonObject().put("type", "function").put("name", LONG_NAME))
            .add(new JsonObject().put("type", "custom").put("name", "apply_patch"))
            .add(new JsonObject().put("type", "namespace").put("name", "multi_agent_v1").put("description", "Sub-agents.").put("tools", new JsonArray()
                .add(new JsonObject().put("type", "function").put("name", "close_agent")))))
        .put("tool_choice", "auto").put("parallel_tool_calls", true)
        .put("reasoning", new JsonObject().put("effort", "medium").put("summary", "auto"))
        .put("max_output_tokens", 1000).put("temperature", 0.5).put("top_p", 1).put("store", false)
        .put("text", new JsonObject().put("verbosity", "low")).put("metadata", new JsonObject().put("k", "v"));
  }

  /** The context the gateway builds: the same request, the tool names of its translation. */
  static ResponsesReplyContext context(JsonObject request) {
    TranslatedRequest translated = ResponsesToChat.request(request, "gpt-4.1");
    return ResponsesReplyContext.of(request, translated.toolNames(), "resp_abc", 1_700_000_000L);
  }

  static JsonObject completion(JsonObject message, String finishReason) {
    return new JsonObject().put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1).put("model", "gpt-4.1")
        .put("choices", new JsonArray().add(new JsonObject().put("index", 0).put("message", message.put("role", "assistant"))
            .put("finish_reason", finishReason)))
        .put("usage", ChatChunksForTests.chatUsage(100, 20, 30, 5));
  }

  private static JsonObject toolCall(String id, String name, String arguments) {
    return new JsonObject().put("id", id).put("type", "function")
        .put("function", new JsonObject().put("name", name).put("arguments", arguments));
  }

  @Test
  void aTextAnswerIsOneCompletedMessageItemInsideTheFullEnvelope() {
    JsonObject request = codexLikeRequest();
    JsonObject response = ChatToResponses.response(completion(new JsonObject().put("content", "Hello!"), "stop"), context(request));

    assertEquals("resp_abc", response.getString("id"));
    assertEquals("response", response.getString("object"));
    assertEquals(1_700_000_000L, response.getLong("created_at"));
    assertEquals("completed", response.getString("status"));
    assertEquals("gpt-5-codex", response.getString("model"));
    assertEquals(new JsonArray().add(new JsonObject().put("type", "message").put("id", "msg_abc_0").put("status", "completed")
        .put("role", "assistant").put("content", new JsonArray().add(new JsonObject().put("type", "output_text").put("text", "Hello!")
            .put("annotations", new JsonArray()).put("logprobs", new JsonArray())))), response.getJsonArray("output"));
    assertFalse(response.containsKey("output_text"));
  }

  @Test
  void theEnvelopeEchoesTheRequestAndCarriesEveryFieldStrictClientsRequire() {
    JsonObject request = codexLikeRequest();
    JsonObject response = ChatToResponses.response(completion(new JsonObject().put("content", "Hi"), "stop"), context(request));

    for (String required : List.of("id", "object", "created_at", "status", "error", "incomplete_details", "instructions", "metadata",
        "model", "output", "parallel_tool_calls", "temperature", "tool_choice", "tools", "top_p", "usage")) {
      assertTrue(response.containsKey(required), required);
    }
    assertNull(response.getValue("error"));
    assertNull(response.getValue("incomplete_details"));
    for (String echoed : List.of("instructions", "tools", "tool_choice", "parallel_tool_calls", "temperature", "top_p",
        "max_output_tokens", "reasoning", "text", "metadata", "store")) {
      assertEquals(request.getValue(echoed), response.getValue(echoed), echoed);
    }
  }

  @Test
  void defaultsFillTheEnvelopeWhenTheRequestSetsNothing() {
    JsonObject response = ChatToResponses.response(completion(new JsonObject().put("content", "Hi"), "stop"),
        context(new JsonObject().put("model", "m").put("input", "hi")));

    assertEquals(new JsonArray(), response.getJsonArray("tools"));
    assertEquals("auto", response.getValue("tool_choice"));
    assertEquals(true, response.getValue("parallel_tool_calls"));
    assertTrue(response.containsKey("temperature"));
    assertNull(response.getValue("instructions"));
  }

  @Test
  void usageKeepsCachedTokensInsideInputTokens() {
    JsonObject usage = ChatToResponses.response(completion(new JsonObject().put("content", "Hi"), "stop"), context(codexLikeRequest()))
        .getJsonObject("usage");

    assertEquals(new JsonObject().put("input_tokens", 100L)
        .put("input_tokens_details", new JsonObject().put("cached_tokens", 30L).put("cache_write_tokens", 0L))
        .put("output_tokens", 20L)
        .put("output_tokens_details", new JsonObject().put("reasoning_tokens", 5L))
        .put("total_tokens", 120L), usage);
  }

  @Test
  void copilotReasoningBecomesAReasoningItemFirst() {
    JsonArray output = ChatToResponses.response(completion(new JsonObject().put("content", "4")
        .put("reasoning_text", "2+2 is 4").put("reasoning_opaque", "opaque-state"), "stop"), context(codexLikeRequest()))
        .getJsonArray("output");

    assertEquals(new JsonObject().put("type", "reasoning").put("id", "rs_abc_0")
        .put("summary", new JsonArray().add(new JsonObject().put("type", "summary_text").put("text", "2+2 is 4")))
        .put("encrypted_content", "opaque-state"), output.getJsonObject(0));
    assertEquals("message", output.getJsonObject(1).getString("type"));
  }

  @Test
  void toolCallsBecomeFunctionCallItemsWithRestoredNamesAndNamespaces() {
    JsonObject request = codexLikeRequest();
    ResponsesReplyContext context = context(request);
    String sentLongName = ResponsesToChat.request(request, "gpt-4.1").body().getJsonArray("tools").getJsonObject(1)
        .getJsonObject("function").getString("name");
    JsonArray output = ChatToResponses.response(completion(new JsonObject().put("content", null).put("tool_calls", new JsonArray()
        .add(toolCall("call_1", "shell", "{\"cmd\":\"ls\"}"))
        .add(toolCall("call_2", sentLongName, "{}"))
        .add(toolCall("call_3", "close_agent", "{\"target\":\"a1\"}"))), "tool_calls"), context).getJsonArray("output");

    assertEquals(3, output.size());
    assertEquals(new JsonObject().put("type", "function_call").put("id", "fc_abc_0").put("call_id", "call_1").put("name", "shell")
        .put("arguments", "{\"cmd\":\"ls\"}").put("status", "completed"), output.getJsonObject(0));
    assertEquals(LONG_NAME, output.getJsonObject(1).getString("name"));
    assertEquals("multi_agent_v1", output.getJsonObject(2).getString("namespace"));
    assertEquals("close_agent", output.getJsonObject(2).getString("name"));
  }

  @Test
  void aCustomToolCallGoesBackAsCustomToolCallWithTheRawInput() {
    JsonObject call = ChatToResponses.response(completion(new JsonObject().put("tool_calls", new JsonArray()
        .add(toolCall("call_p", "apply_patch", "{\"input\":\"*** Begin Patch\\n*** End Patch\"}"))), "tool_calls"),
        context(codexLikeRequest())).getJsonArray("output").getJsonObject(0);

    assertEquals(new JsonObject().put("type", "custom_tool_call").put("id", "ctc_abc_0").put("call_id", "call_p")
        .put("name", "apply_patch").put("input", "*** Begin Patch\n*** End Patch"), call);
  }

  @Test
  void lengthAndContentFilterMakeTheResponseIncomplete() {
    JsonObject cut = ChatToResponses.response(completion(new JsonObject().put("content", "Half"), "length"), context(codexLikeRequest()));
    JsonObject filtered = ChatToResponses.response(completion(new JsonObject().put("content", ""), "content_filter"),
        context(codexLikeRequest()));

    assertEquals("incomplete", cut.getString("status"));
    assertEquals(new JsonObject().put("reason", "max_output_tokens"), cut.getJsonObject("incomplete_details"));
    assertEquals("incomplete", cut.getJsonArray("output").getJsonObject(0).getString("status"));
    assertEquals(new JsonObject().put("reason", "content_filter"), filtered.getJsonObject("incomplete_details"));
    assertEquals(new JsonArray(), filtered.getJsonArray("output"));
  }

  @Test
  void aRefusalBecomesARefusalPart() {
    JsonObject message = ChatToResponses.response(completion(new JsonObject().put("content", null).put("refusal", "I can't."), "stop"),
        context(codexLikeRequest())).getJsonArray("output").getJsonObject(0);

    assertEquals(new JsonArray().add(new JsonObject().put("type", "refusal").put("refusal", "I can't.")), message.getJsonArray("content"));
  }

  @Test
  void noChoicesStillGiveAValidEmptyResponse() {
    JsonObject response = ChatToResponses.response(new JsonObject().put("choices", new JsonArray()), context(codexLikeRequest()));

    assertEquals("completed", response.getString("status"));
    assertEquals(new JsonArray(), response.getJsonArray("output"));
    assertEquals(0L, response.getJsonObject("usage").getLong("total_tokens"));
  }
}
