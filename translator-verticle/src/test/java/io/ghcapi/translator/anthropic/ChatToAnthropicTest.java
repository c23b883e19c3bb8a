package io.ghcapi.translator.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.translator.ToolNames;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Chat response → Anthropic message: vectors E.23–E.34 and the rest of D.2. */
class ChatToAnthropicTest {

  static JsonObject translate(String chatCompletion) {
    return ChatToAnthropic.response(new JsonObject(chatCompletion), "claude-sonnet-4-5", new ToolNames());
  }

  static String completion(String message, String finishReason, String usage) {
    return """
        {"id":"chatcmpl-123","object":"chat.completion","created":1,"model":"gpt-4.1",
         "choices":[{"index":0,"message":%s,"finish_reason":%s}]%s}"""
        .formatted(message, finishReason == null ? "null" : "\"" + finishReason + "\"", usage == null ? "" : ",\"usage\":" + usage);
  }

  @Test
  void e23_text() {
    JsonObject message = translate(completion("{\"role\":\"assistant\",\"content\":\"Hello! How can I help you today?\"}",
        "stop", "{\"prompt_tokens\":9,\"completion_tokens\":12,\"total_tokens\":21}"));
    assertEquals(new JsonObject("""
        {"id":"chatcmpl-123","type":"message","role":"assistant","model":"claude-sonnet-4-5",
         "content":[{"type":"text","text":"Hello! How can I help you today?"}],
         "stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":9,"output_tokens":12}}"""), message);
  }

  @Test
  void e24_toolCallOnly() {
    JsonObject message = translate(completion("""
        {"role":"assistant","content":null,"tool_calls":[{"id":"call_abc","type":"function",
          "function":{"name":"get_current_weather","arguments":"{\\"location\\": \\"Boston, MA\\"}"}}]}""", "tool_calls", null));
    assertEquals(new JsonArray().add(new JsonObject("""
        {"type":"tool_use","id":"call_abc","name":"get_current_weather","input":{"location":"Boston, MA"}}""")),
        message.getJsonArray("content"));
    assertEquals("tool_use", message.getString("stop_reason"));
  }

  @ParameterizedTest
  @CsvSource(nullValues = "null", value = {"stop,end_turn", "length,max_tokens", "tool_calls,tool_use",
      "function_call,tool_use", "content_filter,refusal", "null,end_turn", "something_new,end_turn"})
  void e25_finishReasons(String finishReason, String stopReason) {
    assertEquals(stopReason, translate(completion("{\"role\":\"assistant\",\"content\":\"x\"}", finishReason, null))
        .getString("stop_reason"));
  }

  @Test
  void e26_textThenTool() {
    JsonObject message = translate(completion("""
        {"role":"assistant","content":"Let me grab the current weather.","tool_calls":[{"id":"call_1","type":"function",
          "function":{"name":"get_weather","arguments":"{\\"location\\":\\"Paris\\"}"}}]}""", "tool_calls", null));
    JsonArray content = message.getJsonArray("content");
    assertEquals(2, content.size());
    assertEquals("text", content.getJsonObject(0).getString("type"));
    assertEquals("Let me grab the current weather.", content.getJsonObject(0).getString("text"));
    assertEquals(new JsonObject().put("location", "Paris"), content.getJsonObject(1).getJsonObject("input"));
    assertEquals("tool_use", message.getString("stop_reason"));
  }

  @Test
  void e27_emptyArgumentsAreAnEmptyObject() {
    JsonObject message = translate(completion("""
        {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"now","arguments":""}}]}""",
        "tool_calls", null));
    assertEquals(new JsonObject(), message.getJsonArray("content").getJsonObject(0).getJsonObject("input"));
  }

  @Test
  void invalidArgumentsAreKeptRaw() {
    JsonObject message = translate(completion("""
        {"role":"assistant","content":null,"tool_calls":[
          {"id":"call_1","type":"function","function":{"name":"a","arguments":"{\\"x\\": 1"}},
          {"id":"call_2","type":"function","function":{"name":"b","arguments":"[1,2]"}}]}""", "tool_calls", null));
    assertEquals(new JsonObject().put("_raw_arguments", "{\"x\": 1"), message.getJsonArray("content").getJsonObject(0).getJsonObject("input"));
    assertEquals(new JsonObject().put("_raw_arguments", "[1,2]"), message.getJsonArray("content").getJsonObject(1).getJsonObject("input"));
  }

  @Test
  void e28_reasoningContentBecomesALeadingThinkingBlock() {
    JsonObject message = translate(completion("""
        {"role":"assistant","content":"The answer is 4.","reasoning_content":"2 plus 2 is 4."}""", "stop", null));
    assertEquals(new JsonArray("""
        [{"type":"thinking","thinking":"2 plus 2 is 4.","signature":null},{"type":"text","text":"The answer is 4."}]"""),
        message.getJsonArray("content"));
    assertEquals("end_turn", message.getString("stop_reason"));
  }

  @Test
  void e28_reasoningOnly() {
    JsonObject message = translate(completion("{\"role\":\"assistant\",\"content\":null,\"reasoning_content\":\"hmm\"}", "stop", null));
    assertEquals(new JsonArray("[{\"type\":\"thinking\",\"thinking\":\"hmm\",\"signature\":null}]"), message.getJsonArray("content"));
  }

  @Test
  void e29_copilotReasoningTextAndOpaqueBecomeThinkingWithSignature() {
    JsonObject message = translate(completion("""
        {"role":"assistant","content":"Done.","reasoning_text":"I need to summar","reasoning_opaque":"sigsig"}""", "stop", null));
    assertEquals(new JsonObject("{\"type\":\"thinking\",\"thinking\":\"I need to summar\",\"signature\":\"sigsig\"}"),
        message.getJsonArray("content").getJsonObject(0));
  }

  @Test
  void e30_toolIdsAreNormalised() {
    JsonObject message = translate(completion("""
        {"role":"assistant","content":null,"tool_calls":[
          {"id":"functions.Bash:0","type":"function","function":{"name":"Bash","arguments":"{}"}},
          {"id":"call_abc__thought__c2lnbmF0dXJl+/=","type":"function","function":{"name":"Bash","arguments":"{}"}},
          {"type":"function","function":{"name":"Bash","arguments":"{}"}}]}""", "tool_calls", null));
    JsonArray content = message.getJsonArray("content");
    assertEquals("functions_Bash_0", content.getJsonObject(0).getString("id"));
    assertEquals("call_abc", content.getJsonObject(1).getString("id"));
    assertTrue(content.getJsonObject(2).getString("id").matches("toolu_[0-9a-f]{32}"));
  }

  @Test
  void e31_usageWithCacheReads() {
    JsonObject usage = translate(completion("{\"role\":\"assistant\",\"content\":\"x\"}", "stop", """
        {"prompt_tokens":100,"completion_tokens":50,"total_tokens":150,"prompt_tokens_details":{"cached_tokens":30}}"""))
        .getJsonObject("usage");
    assertEquals(new JsonObject("{\"input_tokens\":70,\"output_tokens\":50,\"cache_read_input_tokens\":30}"), usage);
  }

  @Test
  void e32_usageWithoutCacheHasNoCacheKeys() {
    JsonObject usage = translate(completion("{\"role\":\"assistant\",\"content\":\"x\"}", "stop",
        "{\"prompt_tokens\":100,\"completion_tokens\":50}")).getJsonObject("usage");
    assertEquals(new JsonObject("{\"input_tokens\":100,\"output_tokens\":50}"), usage);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"cached_tokens\":30,\"cache_creation_tokens\":20}",
      "{\"cached_tokens\":30,\"cache_write_tokens\":20}",
      "{\"cached_tokens\":30.0,\"cache_write_tokens\":20.0}"})
  void e33_cacheWrites(String details) {
    JsonObject usage = translate(completion("{\"role\":\"assistant\",\"content\":\"x\"}", "stop",
        "{\"prompt_tokens\":120,\"completion_tokens\":5,\"prompt_tokens_details\":" + details + "}")).getJsonObject("usage");
    assertEquals(new JsonObject("""
        {"input_tokens":70,"output_tokens":5,"cache_creation_input_tokens":20,"cache_read_input_tokens":30}"""), usage);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"cached_tokens\":30.5,\"cache_creation_tokens\":20.5}",
      "{\"cached_tokens\":true,\"cache_creation_tokens\":false}",
      "{\"cached_tokens\":\"30\"}"})
  void e33_fractionalOrBooleanCacheCountsAreIgnored(String details) {
    JsonObject usage = translate(completion("{\"role\":\"assistant\",\"content\":\"x\"}", "stop",
        "{\"prompt_tokens\":120,\"completion_tokens\":5,\"prompt_tokens_details\":" + details + "}")).getJsonObject("usage");
    assertEquals(new JsonObject("{\"input_tokens\":120,\"output_tokens\":5}"), usage);
  }

  @Test
  void e34_emptyChoicesStillMakeAValidMessage() {
    JsonObject message = ChatToAnthropic.response(new JsonObject("{\"id\":\"chatcmpl-9\",\"choices\":[]}"), "claude-x", null);
    assertEquals(new JsonObject("""
        {"id":"chatcmpl-9","type":"message","role":"assistant","model":"claude-x","content":[],
         "stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":0,"output_tokens":0}}"""), message);
  }

  @Test
  void missingIdGetsAMessageId() {
    JsonObject message = ChatToAnthropic.response(new JsonObject("{\"choices\":[]}"), "claude-x", null);
    assertTrue(message.getString("id").matches("msg_[0-9a-f]{32}"));
  }

  @Test
  void emptyTextGivesNoTextBlock() {
    JsonObject message = translate(completion("{\"role\":\"assistant\",\"content\":\"\"}", "stop", null));
    assertEquals(new JsonArray(), message.getJsonArray("content"));
  }

  @Test
  void textAndToolCallsFromAllChoicesAreMerged() {
    JsonObject message = translate("""
        {"id":"chatcmpl-2","choices":[
          {"index":0,"message":{"role":"assistant","content":"I'll list the files."},"finish_reason":"stop"},
          {"index":1,"message":{"role":"assistant","content":null,"tool_calls":[
             {"id":"toolu_1","type":"function","function":{"name":"Bash","arguments":"{\\"command\\":\\"ls\\"}"}}]},
           "finish_reason":"tool_calls"}]}""");
    JsonArray content = message.getJsonArray("content");
    assertEquals(2, content.size());
    assertEquals("I'll list the files.", content.getJsonObject(0).getString("text"));
    assertEquals("Bash", content.getJsonObject(1).getString("name"));
    assertEquals("tool_use", message.getString("stop_reason"));
  }

  @Test
  void e43_toolCallsWithFinishStopAreToolUse() {
    JsonObject message = translate(completion("""
        {"role":"assistant","content":null,"tool_calls":[{"id":"c","type":"function","function":{"name":"a","arguments":"{}"}}]}""",
        "stop", null));
    assertEquals("tool_use", message.getString("stop_reason"));
  }

  @Test
  void aCutOffToolCallStaysMaxTokens() {
    JsonObject message = translate(completion("""
        {"role":"assistant","content":null,"tool_calls":[{"id":"c","type":"function","function":{"name":"a","arguments":"{\\"pa"}}]}""",
        "length", null));
    assertEquals("max_tokens", message.getString("stop_reason"));
  }

  @Test
  void refusalBecomesTextAndStopReasonRefusal() {
    JsonObject message = translate(completion("{\"role\":\"assistant\",\"content\":null,\"refusal\":\"I can't help with that.\"}",
        "stop", null));
    assertEquals("I can't help with that.", message.getJsonArray("content").getJsonObject(0).getString("text"));
    assertEquals("refusal", message.getString("stop_reason"));
    assertNull(message.getValue("stop_sequence"));
    assertFalse(message.containsKey("_truncated"));
  }
}
