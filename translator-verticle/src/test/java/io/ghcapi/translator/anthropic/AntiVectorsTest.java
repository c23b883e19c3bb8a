package io.ghcapi.translator.anthropic;

import static io.ghcapi.translator.anthropic.Chunks.finish;
import static io.ghcapi.translator.anthropic.Chunks.role;
import static io.ghcapi.translator.anthropic.Chunks.text;
import static io.ghcapi.translator.anthropic.Chunks.toolStart;
import static io.ghcapi.translator.anthropic.Chunks.usage;
import static io.ghcapi.translator.anthropic.Chunks.usageOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ghcapi.translator.StreamError;
import io.ghcapi.translator.ToolNames;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The peer behaviours the wire-format reference lists as anti-vectors, each shown absent. */
class AntiVectorsTest {

  static final ChatTarget GPT = AnthropicToChatTest.GPT;

  @Test
  void toolResultsAreToolMessagesNotUserText() {
    JsonArray messages = AnthropicToChatTest.messages(AnthropicToChatTest.withMessages("""
        [{"role":"assistant","content":[{"type":"tool_use","id":"toolu_9","name":"ls","input":{}}]},
         {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_9","content":"a.txt"}]}]"""), GPT);
    assertEquals("tool", messages.getJsonObject(1).getString("role"));
    assertFalse(messages.encode().contains("Tool result for"));
  }

  @Test
  void toolChoiceAnyIsNeverSentAsAny() {
    JsonObject body = AnthropicToChatTest.translate("""
        {"max_tokens":10,"messages":[{"role":"user","content":"hi"}],
         "tools":[{"name":"x","input_schema":{"type":"object"}}],"tool_choice":{"type":"any"}}""", GPT).body();
    assertEquals("required", body.getValue("tool_choice"));
  }

  @Test
  void toolCallsAreNeverRenderedAsTextForNonClaudeModels() {
    JsonObject answer = new JsonObject("""
        {"id":"c","model":"gpt-4.1","choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":null,
          "tool_calls":[{"id":"call_1","type":"function","function":{"name":"ls","arguments":"{}"}}]}}]}""");
    JsonObject message = ChatToAnthropic.response(answer, "gpt-4.1", new ToolNames());
    assertEquals(List.of("tool_use"), message.getJsonArray("content").stream()
        .map(b -> ((JsonObject) b).getString("type")).toList());
  }

  @Test
  void noStopReasonErrorAndNoDoneSentinel() {
    StreamRun failed = new StreamRun().chunks(role(), text("x")).error(new StreamError(500, null, "boom"));
    StreamRun finished = new StreamRun().chunks(role(), text("x"), finish("stop"), usageOnly(usage(1, 1))).done();
    for (StreamRun run : List.of(failed, finished)) {
      run.events();
      assertFalse(run.sse().contains("\"stop_reason\":\"error\""));
      assertFalse(run.sse().contains("[DONE]"));
    }
  }

  @Test
  void noEmptyTextBlockIsOpenedUpFront() {
    StreamRun run = new StreamRun().chunks(role(), toolStart(0, "call_1", "ls", "{}"), finish("tool_calls")).done();
    assertEquals("tool_use", run.named("content_block_start").get(0).data().getJsonObject("content_block").getString("type"));
    JsonObject message = ChatToAnthropic.response(new JsonObject("""
        {"choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":""}}]}"""), "m", null);
    assertEquals(new JsonArray(), message.getJsonArray("content"));
  }

  @Test
  void inputTokensNeverIncludeCachedTokens() {
    JsonObject message = ChatToAnthropic.response(new JsonObject("""
        {"choices":[],"usage":{"prompt_tokens":100,"completion_tokens":1,"prompt_tokens_details":{"cached_tokens":90}}}"""), "m", null);
    assertEquals(10, message.getJsonObject("usage").getInteger("input_tokens"));
    StreamRun run = new StreamRun().chunks(text("x"), finish("stop"), usageOnly(usage(100, 1, 90, 0)));
    assertEquals(10, run.messageDelta().getJsonObject("usage").getInteger("input_tokens"));
  }

  @Test
  void errorBodiesHaveTheTopLevelType() {
    assertEquals("error", AnthropicErrors.fromUpstream(500, "{\"error\":{\"message\":\"x\",\"type\":\"error\"}}").getString("type"));
    StreamRun run = new StreamRun().error(new StreamError(500, null, "x"));
    assertEquals("error", run.named("error").get(0).data().getString("type"));
  }

  @Test
  void thinkingIsNeverMergedIntoAssistantContent() {
    for (ChatTarget target : List.of(GPT, AnthropicToChatTest.CLAUDE)) {
      JsonObject body = AnthropicToChatTest.translate(AnthropicToChatTest.THINKING_THEN_TEXT, target).body();
      assertEquals("2+2 equals 4.", body.getJsonArray("messages").getJsonObject(1).getString("content"));
    }
  }
}
