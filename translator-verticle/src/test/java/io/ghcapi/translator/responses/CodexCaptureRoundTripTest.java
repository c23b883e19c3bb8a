package io.ghcapi.translator.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.translator.SseBuffer;
import io.ghcapi.translator.TranslatedRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The request bodies Codex CLI 0.169.0 really sent (client-captures/codex-*.jsonl), through both directions. */
class CodexCaptureRoundTripTest {

  static List<JsonObject> codexBodies() throws IOException {
    List<JsonObject> bodies = new ArrayList<>();
    String text;
    try (var in = CodexCaptureRoundTripTest.class.getResourceAsStream("codex-request-bodies.jsonl")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        bodies.add(new JsonObject(line));
      }
    }
    return bodies;
  }

  @ParameterizedTest
  @MethodSource("codexBodies")
  void aCodexRequestBecomesAValidChatRequest(JsonObject codex) {
    TranslatedRequest translated = ResponsesToChat.request(codex, "gpt-4.1");
    JsonObject chat = translated.body();

    for (String responsesOnly : List.of("input", "instructions", "store", "include", "prompt_cache_key", "client_metadata", "reasoning")) {
      assertFalse(chat.containsKey(responsesOnly), responsesOnly);
    }
    assertEquals(new JsonObject().put("include_usage", true), chat.getJsonObject("stream_options"));
    assertEquals("auto", chat.getValue("tool_choice"));
    assertTrue(translated.warnings().codes().contains("tool.hosted_tool_dropped")); // web_search

    Set<String> names = new HashSet<>();
    for (Object value : chat.getJsonArray("tools")) {
      JsonObject tool = (JsonObject) value;
      assertEquals("function", tool.getString("type"));
      JsonObject function = tool.getJsonObject("function");
      assertTrue(function.getString("name").length() <= 64);
      assertTrue(names.add(function.getString("name")));
      assertEquals("object", function.getJsonObject("parameters").getString("type"));
    }
    assertTrue(names.containsAll(List.of("exec_command", "close_agent")), "namespace tools are offered too");

    JsonArray messages = chat.getJsonArray("messages");
    assertEquals("system", messages.getJsonObject(0).getString("role"));
    for (Object value : messages) {
      JsonObject message = (JsonObject) value;
      assertTrue(List.of("system", "user", "assistant", "tool").contains(message.getString("role")));
      Object content = message.getValue("content");
      assertTrue(content == null || content instanceof String, "text-only content is a string");
    }
    assertToolCallsPaired(messages);
    assertFalse(chat.encode().contains("summary_text"));
  }

  @ParameterizedTest
  @MethodSource("codexBodies")
  void theTranslatedRequestGoesBackToAResponsesRequestWithTheSameConversation(JsonObject codex) {
    JsonObject chat = ResponsesToChat.request(codex, "gpt-4.1").body();
    JsonObject responses = ChatToResponses.request(chat, "gpt-5-codex").body();

    List<String> developerTexts = new ArrayList<>();
    List<JsonObject> calls = new ArrayList<>();
    for (Object value : codex.getJsonArray("input")) {
      JsonObject item = (JsonObject) value;
      if ("developer".equals(item.getString("role"))) {
        List<String> parts = new ArrayList<>();
        item.getJsonArray("content").forEach(part -> parts.add(((JsonObject) part).getString("text")));
        developerTexts.add(String.join("\n", parts));
      } else if (item.getString("type").startsWith("function_call")) {
        calls.add(item);
      }
    }
    assertEquals(String.join("\n\n", developerTexts), responses.getString("instructions"));
    List<JsonObject> roundTripped = new ArrayList<>();
    responses.getJsonArray("input").forEach(value -> {
      JsonObject item = (JsonObject) value;
      if (item.getString("type").startsWith("function_call")) {
        roundTripped.add(item);
      }
    });
    assertEquals(calls.size(), roundTripped.size());
    for (int i = 0; i < calls.size(); i++) {
      assertEquals(calls.get(i).getString("type"), roundTripped.get(i).getString("type"));
      assertEquals(calls.get(i).getString("call_id"), roundTripped.get(i).getString("call_id"));
      assertEquals(calls.get(i).getValue("arguments"), roundTripped.get(i).getValue("arguments"));
      assertEquals(calls.get(i).getValue("output"), roundTripped.get(i).getValue("output"));
    }
  }

  @ParameterizedTest
  @MethodSource("codexBodies")
  void aChatAnswerToACodexRequestStreamsAsCodexReadsIt(JsonObject codex) {
    TranslatedRequest translated = ResponsesToChat.request(codex, "gpt-4.1");
    SseBuffer out = new SseBuffer();
    ChatToResponsesStream stream = new ChatToResponsesStream(out,
        ResponsesReplyContext.of(codex, translated.toolNames(), ResponsesReplyContext.newResponseId(), 1_700_000_000L));
    stream.chunk(ChatChunksForTests.role());
    stream.chunk(ChatChunksForTests.text("Running it."));
    stream.chunk(ChatChunksForTests.toolStart(0, "call_a", "exec_command", "{\"cmd\":\"echo ACCEPT_OK\"}"));
    stream.chunk(ChatChunksForTests.toolStart(1, "call_b", "close_agent", "{\"target\":\"agent-1\"}"));
    stream.chunk(ChatChunksForTests.finish("tool_calls"));
    stream.chunk(ChatChunksForTests.usage(9000, 40, 8000, 0));
    stream.done();

    String sse = out.drain().toString();
    assertEquals(List.of(), ResponsesSseGrammar.violations(sse));
    List<JsonObject> done = new ArrayList<>();
    ResponsesSseGrammar.parse(sse).stream().filter(event -> event.name().equals("response.output_item.done"))
        .forEach(event -> done.add(event.data().getJsonObject("item")));
    assertEquals("exec_command", done.get(1).getString("name"));
    assertFalse(done.get(1).containsKey("namespace"));
    assertEquals("close_agent", done.get(2).getString("name"));
    assertEquals("multi_agent_v1", done.get(2).getString("namespace"));
    assertNotNull(stream.response().getJsonObject("usage"));
  }

  /** Each assistant tool call is answered by a tool message before the next non-tool message, and each tool message answers one. */
  private static void assertToolCallsPaired(JsonArray messages) {
    Set<String> open = new HashSet<>();
    for (Object value : messages) {
      JsonObject message = (JsonObject) value;
      String role = message.getString("role");
      if ("tool".equals(role)) {
        assertTrue(open.remove(message.getString("tool_call_id")), "tool message answers a call");
        continue;
      }
      assertEquals(Set.of(), open, "calls answered before the next message");
      JsonArray calls = message.getJsonArray("tool_calls");
      for (int i = 0; calls != null && i < calls.size(); i++) {
        open.add(calls.getJsonObject(i).getString("id"));
      }
    }
    assertEquals(Set.of(), open);
  }
}
