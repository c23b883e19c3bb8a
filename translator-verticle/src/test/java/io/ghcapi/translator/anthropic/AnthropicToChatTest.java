package io.ghcapi.translator.anthropic;

import io.ghcapi.translator.TranslationException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.translator.TranslatedRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Anthropic request → Chat request: vectors E.1–E.22 of the wire-format reference, and the rest of D.1. */
class AnthropicToChatTest {

  static final ChatTarget GPT = new ChatTarget("gpt-4.1", false, List.of("low", "medium", "high"));
  static final ChatTarget CLAUDE = new ChatTarget("claude-sonnet-4.5", true, List.of());

  static TranslatedRequest translate(String json, ChatTarget target) {
    return AnthropicToChat.request(new JsonObject(json), target);
  }

  static JsonArray messages(String json, ChatTarget target) {
    return translate(json, target).body().getJsonArray("messages");
  }

  static String withMessages(String messagesJson) {
    return "{\"model\":\"m\",\"max_tokens\":100,\"messages\":" + messagesJson + "}";
  }

  @Test
  void e01_minimalPayload() {
    JsonObject body = translate("""
        {"model":"gpt-4o","max_tokens":0,"messages":[{"role":"user","content":"Hello!"}]}""", GPT).body();
    assertEquals(new JsonArray().add(new JsonObject().put("role", "user").put("content", "Hello!")), body.getJsonArray("messages"));
    assertEquals("gpt-4.1", body.getString("model"));
    assertEquals(0L, body.getLong("max_tokens"));
    assertFalse(body.containsKey("stream"));
  }

  @Test
  void e02_comprehensive() {
    TranslatedRequest translated = translate("""
        {"model":"claude-3","max_tokens":1024,"system":"You are helpful.",
         "messages":[{"role":"user","content":"What's the weather?"},{"role":"assistant","content":"Let me check."}],
         "temperature":0.7,"top_p":1,"metadata":{"user_id":"user-123"},
         "tools":[{"name":"getWeather","description":"Gets weather",
                   "input_schema":{"type":"object","properties":{"location":{"type":"string"}},"required":["location"]}}],
         "tool_choice":{"type":"auto"}}""", GPT);
    JsonObject body = translated.body();
    JsonArray messages = body.getJsonArray("messages");
    assertEquals(List.of("system", "user", "assistant"), roles(messages));
    assertEquals("You are helpful.", messages.getJsonObject(0).getString("content"));
    assertEquals(0.7, body.getDouble("temperature"));
    assertEquals(1, body.getInteger("top_p"));
    assertEquals("user-123", body.getString("user"));
    assertEquals(new JsonObject("""
        {"type":"function","function":{"name":"getWeather","description":"Gets weather",
         "parameters":{"type":"object","properties":{"location":{"type":"string"}},"required":["location"]}}}"""),
        body.getJsonArray("tools").getJsonObject(0));
    assertEquals("auto", body.getString("tool_choice"));
    assertTrue(translated.warnings().isEmpty());
  }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of("{\"max_tokens\":10,\"temperature\":\"hot\",\"messages\":[]}", "temperature"),
        Arguments.of("{\"max_tokens\":1.5,\"messages\":[]}", "max_tokens"),
        Arguments.of("{\"max_tokens\":\"10\",\"messages\":[]}", "max_tokens"),
        Arguments.of("{\"max_tokens\":-1,\"messages\":[]}", "max_tokens"),
        Arguments.of("{\"max_tokens\":10,\"messages\":\"hi\"}", "messages"),
        Arguments.of("{\"max_tokens\":10}", "messages"),
        Arguments.of("{\"max_tokens\":10,\"messages\":[\"hi\"]}", "messages.0"),
        Arguments.of("{\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"no type\"}]}]}",
            "messages.0.content.0.type"),
        Arguments.of("{\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":42}]}", "messages.0.content"),
        Arguments.of("{\"max_tokens\":10,\"messages\":[{\"role\":\"user\"}]}", "messages.0.content"),
        Arguments.of("{\"max_tokens\":10,\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}", "messages.0.role"),
        Arguments.of("{\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":5}]}]}",
            "messages.0.content.0.text"),
        Arguments.of("{\"max_tokens\":10,\"messages\":[],\"top_p\":\"x\"}", "top_p"),
        Arguments.of("{\"max_tokens\":10,\"messages\":[],\"stream\":\"yes\"}", "stream"),
        Arguments.of("{\"max_tokens\":10,\"messages\":[],\"stop_sequences\":[\"a\",1]}", "stop_sequences.1"),
        Arguments.of("{\"max_tokens\":10,\"messages\":[],\"tools\":{}}", "tools"),
        Arguments.of("{\"max_tokens\":10,\"messages\":[],\"tools\":[{\"input_schema\":{}}]}", "tools.0.name"),
        Arguments.of("{\"max_tokens\":10,\"messages\":[],\"tools\":[{\"name\":\"a\",\"input_schema\":{}}],"
            + "\"tool_choice\":{\"type\":\"sometimes\"}}", "tool_choice.type"),
        Arguments.of("{\"max_tokens\":10,\"messages\":[],\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":\"lots\"}}",
            "thinking.budget_tokens"),
        Arguments.of("{\"max_tokens\":10,\"messages\":[],\"output_config\":{\"effort\":\"extreme\"}}", "output_config.effort"),
        Arguments.of("{\"max_tokens\":10,\"messages\":[{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"name\":\"x\",\"input\":{}}]}]}",
            "messages.0.content.0.id"),
        Arguments.of("{\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image\",\"source\":{\"type\":\"base64\"}}]}]}",
            "messages.0.content.0.source.media_type"));
  }

  @ParameterizedTest
  @MethodSource("badRequests")
  void e03_badTypesAreRejectedWith400(String json, String param) {
    TranslationException rejected = assertThrows(TranslationException.class, () -> translate(json, GPT));
    assertEquals(400, rejected.status());
    assertEquals(param, rejected.param());
    assertTrue(rejected.getMessage().startsWith(param + ": "), rejected.getMessage());
    assertEquals("invalid_request_error", AnthropicErrors.body(rejected.status(), rejected.getMessage())
        .getJsonObject("error").getString("type"));
  }

  static final String THINKING_THEN_TEXT = withMessages("""
      [{"role":"user","content":"What is 2+2?"},
       {"role":"assistant","content":[{"type":"thinking","thinking":"Let me think…","signature":"sig-1"},
                                      {"type":"text","text":"2+2 equals 4."}]}]""");

  @Test
  void e04_thinkingIsNeverAssistantContent() {
    TranslatedRequest forGpt = translate(THINKING_THEN_TEXT, GPT);
    JsonObject assistant = forGpt.body().getJsonArray("messages").getJsonObject(1);
    assertEquals("2+2 equals 4.", assistant.getString("content"));
    assertFalse(assistant.containsKey("reasoning_text"));
    assertEquals(Set.of("thinking.dropped"), forGpt.warnings().codes());

    TranslatedRequest forClaude = translate(THINKING_THEN_TEXT, CLAUDE);
    JsonObject claudeAssistant = forClaude.body().getJsonArray("messages").getJsonObject(1);
    assertEquals("2+2 equals 4.", claudeAssistant.getString("content"));
    assertEquals("Let me think…", claudeAssistant.getString("reasoning_text"));
    assertEquals("sig-1", claudeAssistant.getString("reasoning_opaque"));
    assertTrue(forClaude.warnings().isEmpty());
  }

  @Test
  void e05_thinkingTextAndToolUseMakeOneAssistantMessage() {
    String request = withMessages("""
        [{"role":"user","content":"Weather in New York?"},
         {"role":"assistant","content":[{"type":"thinking","thinking":"I should call the tool.","signature":"s"},
                                        {"type":"text","text":"I'll check the weather."},
                                        {"type":"tool_use","id":"call_123","name":"get_weather","input":{"location":"New York"}}]}]""");
    for (ChatTarget target : List.of(GPT, CLAUDE)) {
      JsonArray messages = messages(request, target);
      assertEquals(2, messages.size());
      JsonObject assistant = messages.getJsonObject(1);
      JsonArray toolCalls = assistant.getJsonArray("tool_calls");
      assertEquals(1, toolCalls.size());
      assertEquals("call_123", toolCalls.getJsonObject(0).getString("id"));
      assertEquals("function", toolCalls.getJsonObject(0).getString("type"));
      assertEquals("get_weather", toolCalls.getJsonObject(0).getJsonObject("function").getString("name"));
      assertEquals("{\"location\":\"New York\"}", toolCalls.getJsonObject(0).getJsonObject("function").getString("arguments"));
      assertEquals("I'll check the weather.", assistant.getString("content"));
    }
  }

  @Test
  void e06_toolResultsComeBeforeTheRestOfTheUserMessage() {
    JsonArray messages = messages(withMessages("""
        [{"role":"assistant","content":[{"type":"tool_use","id":"toolu_01234","name":"get_weather","input":{}}]},
         {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_01234","content":"Sunny, 75°F"},
                                   {"type":"text","text":"What about tomorrow?"}]}]"""), GPT);
    assertEquals(List.of("assistant", "tool", "user"), roles(messages));
    assertEquals(new JsonObject().put("role", "tool").put("tool_call_id", "toolu_01234").put("content", "Sunny, 75°F"),
        messages.getJsonObject(1));
    assertEquals("What about tomorrow?", messages.getJsonObject(2).getString("content"));
    assertNull(messages.getJsonObject(0).getValue("content"));
  }

  @Test
  void e07_base64Image() {
    JsonArray parts = messages(withMessages("""
        [{"role":"user","content":[{"type":"text","text":"What is in this image?"},
          {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}}]}]"""), GPT)
        .getJsonObject(0).getJsonArray("content");
    assertEquals(2, parts.size());
    assertEquals(new JsonObject().put("type", "text").put("text", "What is in this image?"), parts.getJsonObject(0));
    String url = parts.getJsonObject(1).getJsonObject("image_url").getString("url");
    assertEquals("image_url", parts.getJsonObject(1).getString("type"));
    assertTrue(url.startsWith("data:image/png;base64,") && url.contains("iVBORw0KGgo="), url);
  }

  @Test
  void e08_urlImage() {
    JsonArray parts = messages(withMessages("""
        [{"role":"user","content":[{"type":"image","source":{"type":"url","url":"https://example.com/forest.jpg"}}]}]"""), GPT)
        .getJsonObject(0).getJsonArray("content");
    assertEquals("https://example.com/forest.jpg", parts.getJsonObject(0).getJsonObject("image_url").getString("url"));
  }

  @Test
  void e09_interleavedTextAndImagesKeepTheirOrder() {
    JsonArray parts = messages(withMessages("""
        [{"role":"user","content":[{"type":"text","text":"one"},
          {"type":"image","source":{"type":"base64","media_type":"image/jpeg","data":"AAA"}},
          {"type":"text","text":"two"},
          {"type":"image","source":{"type":"url","url":"https://example.com/b.png"}},
          {"type":"text","text":"three"}]}]"""), GPT).getJsonObject(0).getJsonArray("content");
    assertEquals(List.of("text", "image_url", "text", "image_url", "text"),
        parts.stream().map(p -> ((JsonObject) p).getString("type")).toList());
    assertEquals("two", parts.getJsonObject(2).getString("text"));
  }

  @Test
  void e10_toolResultWithOneTextItemIsAString() {
    JsonObject tool = messages(withMessages("""
        [{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":[{"type":"text","text":"72°F and sunny"}]}]}]"""), GPT)
        .getJsonObject(0);
    assertEquals("72°F and sunny", tool.getString("content"));
  }

  @Test
  void e11_toolResultWithTextImageTextIsOneToolMessageAndAUserMessageWithTheImage() {
    TranslatedRequest translated = translate(withMessages("""
        [{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":[
            {"type":"text","text":"Here is the screenshot"},
            {"type":"image","source":{"type":"base64","media_type":"image/png","data":"PNGDATA"}},
            {"type":"text","text":"Taken at noon"}]}]}]"""), GPT);
    JsonArray messages = translated.body().getJsonArray("messages");
    assertEquals(List.of("tool", "user"), roles(messages));
    assertEquals(1, messages.stream().filter(m -> "t1".equals(((JsonObject) m).getString("tool_call_id"))).count());
    assertEquals("Here is the screenshot\n\nTaken at noon", messages.getJsonObject(0).getString("content"));
    JsonArray userParts = messages.getJsonObject(1).getJsonArray("content");
    assertEquals("data:image/png;base64,PNGDATA", userParts.getJsonObject(0).getJsonObject("image_url").getString("url"));
    assertTrue(translated.warnings().codes().contains("tool_result.attachments_moved_to_user_message"));
  }

  @Test
  void e12_toolResultWithOnlyAnImageKeepsTheImage() {
    JsonArray messages = messages(withMessages("""
        [{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":[
            {"type":"image","source":{"type":"base64","media_type":"image/jpeg","data":"/9j/4AAQ"}}]},
          {"type":"text","text":"What do you see?"}]}]"""), GPT);
    assertEquals(List.of("tool", "user"), roles(messages));
    assertEquals("t1", messages.getJsonObject(0).getString("tool_call_id"));
    assertEquals(ToolResults.ATTACHMENT_NOTE, messages.getJsonObject(0).getString("content"));
    JsonArray parts = messages.getJsonObject(1).getJsonArray("content");
    assertEquals("data:image/jpeg;base64,/9j/4AAQ", parts.getJsonObject(0).getJsonObject("image_url").getString("url"));
    assertEquals("What do you see?", parts.getJsonObject(1).getString("text"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "\"   \"", "null"})
  void e13_blankToolNameGetsAPlaceholder(String name) {
    JsonObject call = messages(withMessages("""
        [{"role":"assistant","content":[{"type":"tool_use","id":"t1","name":%s,"input":{}}]}]""".formatted(name)), GPT)
        .getJsonObject(0).getJsonArray("tool_calls").getJsonObject(0);
    String sent = call.getJsonObject("function").getString("name");
    assertFalse(sent == null || sent.isBlank());
    assertEquals(MessageTranslator.UNNAMED_TOOL, sent);
  }

  @Test
  void e13_validToolNamePassesUnchanged() {
    JsonObject call = messages(withMessages("""
        [{"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"get_weather","input":{}}]}]"""), GPT)
        .getJsonObject(0).getJsonArray("tool_calls").getJsonObject(0);
    assertEquals("get_weather", call.getJsonObject("function").getString("name"));
  }

  static Stream<Arguments> toolChoices() {
    return Stream.of(
        Arguments.of("{\"type\":\"none\"}", "\"none\"", null),
        Arguments.of("{\"type\":\"any\"}", "\"required\"", null),
        Arguments.of("{\"type\":\"auto\"}", "\"auto\"", null),
        Arguments.of("{\"type\":\"tool\",\"name\":\"x\"}", "{\"type\":\"function\",\"function\":{\"name\":\"x\"}}", null),
        Arguments.of("{\"type\":\"auto\",\"disable_parallel_tool_use\":true}", "\"auto\"", false),
        Arguments.of("{\"type\":\"any\",\"disable_parallel_tool_use\":true}", "\"required\"", false),
        Arguments.of("{\"type\":\"auto\",\"disable_parallel_tool_use\":false}", "\"auto\"", null));
  }

  @ParameterizedTest
  @MethodSource("toolChoices")
  void e14_toolChoice(String anthropicChoice, String chatChoice, Boolean parallelToolCalls) {
    JsonObject body = translate("""
        {"max_tokens":10,"messages":[{"role":"user","content":"hi"}],
         "tools":[{"name":"x","input_schema":{"type":"object"}}],"tool_choice":%s}""".formatted(anthropicChoice), GPT).body();
    assertEquals(new JsonObject("{\"v\":" + chatChoice + "}").getValue("v"), body.getValue("tool_choice"));
    assertEquals(parallelToolCalls, body.getValue("parallel_tool_calls"));
  }

  @Test
  void e14_toolChoiceWithoutToolsIsNotSent() {
    TranslatedRequest translated = translate("""
        {"max_tokens":10,"messages":[{"role":"user","content":"hi"}],"tool_choice":{"type":"any"}}""", GPT);
    assertFalse(translated.body().containsKey("tool_choice"));
    assertTrue(translated.warnings().codes().contains("tool_choice.dropped"));
  }

  @Test
  void e15_longToolNames() {
    String name64 = "a".repeat(64);
    String longName = "mcp__some_server_with_a_long_name__and_a_tool_with_an_even_longer_name_v1";
    String similar = longName.replace("_v1", "_v2");
    String request = """
        {"max_tokens":10,"messages":[{"role":"user","content":"hi"},
           {"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"%2$s","input":{}}]}],
         "tools":[{"name":"%1$s","input_schema":{"type":"object"}},{"name":"%2$s","input_schema":{"type":"object"}},
                  {"name":"%3$s","input_schema":{"type":"object"}}],
         "tool_choice":{"type":"tool","name":"%2$s"}}""".formatted(name64, longName, similar);
    TranslatedRequest translated = translate(request, GPT);
    JsonArray tools = translated.body().getJsonArray("tools");
    String sent64 = tools.getJsonObject(0).getJsonObject("function").getString("name");
    String sentLong = tools.getJsonObject(1).getJsonObject("function").getString("name");
    String sentSimilar = tools.getJsonObject(2).getJsonObject("function").getString("name");
    assertEquals(name64, sent64);
    assertEquals(64, sentLong.length());
    assertTrue(sentLong.matches("\\Q" + longName.substring(0, 55) + "\\E_[0-9a-f]{8}"), sentLong);
    assertNotEquals(sentLong, sentSimilar);
    assertEquals(sentLong, translate(request, GPT).body().getJsonArray("tools").getJsonObject(1)
        .getJsonObject("function").getString("name"));
    assertEquals(sentLong, translated.body().getJsonObject("tool_choice").getJsonObject("function").getString("name"));
    assertEquals(sentLong, translated.body().getJsonArray("messages").getJsonObject(1).getJsonArray("tool_calls")
        .getJsonObject(0).getJsonObject("function").getString("name"));

    JsonObject answer = new JsonObject().put("choices", new JsonArray().add(new JsonObject().put("index", 0)
        .put("finish_reason", "tool_calls").put("message", new JsonObject().put("role", "assistant")
            .put("tool_calls", new JsonArray().add(new JsonObject().put("id", "call_1").put("type", "function")
                .put("function", new JsonObject().put("name", sentLong).put("arguments", "{}")))))));
    JsonObject anthropic = ChatToAnthropic.response(answer, "claude", translated.toolNames());
    assertEquals(longName, anthropic.getJsonArray("content").getJsonObject(0).getString("name"));
  }

  @Test
  void e16_customToolTypeIsAFunctionWithItsSchema() {
    JsonObject tool = translate("""
        {"max_tokens":10,"messages":[{"role":"user","content":"hi"}],
         "tools":[{"type":"custom","name":"run","input_schema":{"type":"object","properties":{}}}]}""", GPT)
        .body().getJsonArray("tools").getJsonObject(0);
    assertEquals("function", tool.getString("type"));
    assertEquals("object", tool.getJsonObject("function").getJsonObject("parameters").getString("type"));
    assertFalse(tool.getJsonObject("function").containsKey("type"));
  }

  static final String CACHED_CONVERSATION = """
      {"max_tokens":10,
       "system":[{"type":"text","text":"You are Claude Code.","cache_control":{"type":"ephemeral"}}],
       "tools":[{"name":"read","input_schema":{"type":"object"},"cache_control":{"type":"ephemeral"}}],
       "messages":[
         {"role":"user","content":[{"type":"text","text":"read a file","cache_control":{"type":"ephemeral"}}]},
         {"role":"assistant","content":[{"type":"text","text":"Reading.","cache_control":{"type":"ephemeral"}},
                                        {"type":"tool_use","id":"t1","name":"read","input":{},"cache_control":{"type":"ephemeral"}}]},
         {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"data","cache_control":{"type":"ephemeral","ttl":"5m"}}]},
         {"role":"user","content":[{"type":"text","text":"thanks"}]}]}""";

  @Test
  void e17_cacheControlBecomesCopilotCacheControlForClaudeOnly() {
    JsonArray claude = messages(CACHED_CONVERSATION, CLAUDE);
    JsonObject ephemeral = new JsonObject().put("type", "ephemeral");
    assertEquals(List.of("system", "user", "assistant", "tool", "user"), roles(claude));
    for (int i = 0; i < 4; i++) {
      assertEquals(ephemeral, claude.getJsonObject(i).getJsonObject("copilot_cache_control"), "message " + i);
    }
    assertFalse(claude.getJsonObject(4).containsKey("copilot_cache_control"));

    JsonObject gpt = translate(CACHED_CONVERSATION, GPT).body();
    assertFalse(gpt.encode().contains("cache_control"), gpt.encode());
    assertFalse(translate(CACHED_CONVERSATION, CLAUDE).body().encode().contains("\"cache_control\""));
  }

  @Test
  void e18_serverToolsAreDroppedWithAWarning() {
    TranslatedRequest translated = translate("""
        {"max_tokens":10,"messages":[{"role":"user","content":"search"}],
         "tools":[{"type":"web_search_20260209","name":"web_search","max_uses":5},
                  {"type":"bash_20250124","name":"bash"},
                  {"name":"get_weather","input_schema":{"type":"object"}}]}""", GPT);
    JsonArray tools = translated.body().getJsonArray("tools");
    assertEquals(1, tools.size());
    assertEquals("get_weather", tools.getJsonObject(0).getJsonObject("function").getString("name"));
    assertFalse(translated.body().containsKey("web_search_options"));
    assertTrue(translated.warnings().codes().contains("tool.server_tool_dropped"));
  }

  @Test
  void e18_onlyServerToolsLeaveNoToolsAndNoChoice() {
    TranslatedRequest translated = translate("""
        {"max_tokens":10,"messages":[{"role":"user","content":"search"}],
         "tools":[{"type":"web_search_20250305","name":"web_search"}],"tool_choice":{"type":"auto"}}""", GPT);
    assertFalse(translated.body().containsKey("tools"));
    assertFalse(translated.body().containsKey("tool_choice"));
  }

  static final String SCHEMA = """
      {"type":"object","properties":{
         "name":{"type":"string"},
         "address":{"type":"object","properties":{"city":{"type":"string"},"zip":{"type":"string"}}},
         "tags":{"type":"array","items":{"type":"object","properties":{"label":{"type":"string"}}}},
         "owner":{"$ref":"#/$defs/person"}},
       "$defs":{"person":{"type":"object","properties":{"first":{"type":"string"},"last":{"type":"string"}}}}}""";

  @Test
  void e19_structuredOutputIsAStrictSchema() {
    JsonObject request = new JsonObject("""
        {"max_tokens":10,"messages":[{"role":"user","content":"hi"}],
         "output_config":{"format":{"type":"json_schema","schema":%s}}}""".formatted(SCHEMA));
    JsonObject before = request.copy();
    JsonObject format = AnthropicToChat.request(request, GPT).body().getJsonObject("response_format");
    assertEquals(before, request, "the client's request must not change");
    assertEquals("json_schema", format.getString("type"));
    JsonObject jsonSchema = format.getJsonObject("json_schema");
    assertEquals("structured_output", jsonSchema.getString("name"));
    assertEquals(true, jsonSchema.getBoolean("strict"));
    JsonObject schema = jsonSchema.getJsonObject("schema");
    assertStrict(schema, "name", "address", "tags", "owner");
    assertStrict(schema.getJsonObject("properties").getJsonObject("address"), "city", "zip");
    assertStrict(schema.getJsonObject("properties").getJsonObject("tags").getJsonObject("items"), "label");
    assertStrict(schema.getJsonObject("$defs").getJsonObject("person"), "first", "last");
    assertFalse(schema.getJsonObject("properties").getJsonObject("name").containsKey("additionalProperties"));
  }

  @Test
  void e19_legacyOutputFormatFieldToo() {
    JsonObject body = translate("""
        {"max_tokens":10,"messages":[{"role":"user","content":"hi"}],
         "output_format":{"type":"json_schema","schema":{"type":"object","properties":{"a":{"type":"integer"}}}}}""", GPT).body();
    assertStrict(body.getJsonObject("response_format").getJsonObject("json_schema").getJsonObject("schema"), "a");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"type\":\"text\"}", "{\"type\":\"json_schema\"}"})
  void e19_textFormatOrMissingSchemaGivesNoResponseFormat(String format) {
    JsonObject body = translate("""
        {"max_tokens":10,"messages":[{"role":"user","content":"hi"}],"output_config":{"format":%s}}""".formatted(format), GPT).body();
    assertFalse(body.containsKey("response_format"));
  }

  static void assertStrict(JsonObject schema, String... properties) {
    assertEquals(false, schema.getValue("additionalProperties"));
    assertEquals(new JsonArray(List.of((Object[]) properties)), schema.getJsonArray("required"));
  }

  static String thinkingRequest(String thinking, String outputConfig) {
    return """
        {"max_tokens":20000,"messages":[{"role":"user","content":"hi"}],"thinking":%s%s}"""
        .formatted(thinking, outputConfig == null ? "" : ",\"output_config\":" + outputConfig);
  }

  @Test
  void e20_thinkingBudgetBecomesReasoningEffortForOtherModels() {
    ChatTarget gpt4 = new ChatTarget("gpt-4", false, List.of("low", "medium", "high"));
    JsonObject body = translate(thinkingRequest("{\"type\":\"enabled\",\"budget_tokens\":1024}", null), gpt4).body();
    assertEquals("low", body.getString("reasoning_effort"));
    assertFalse(body.containsKey("thinking"));
  }

  @Test
  void e20_thinkingIsKeptVerbatimForClaude() {
    JsonObject thinking = new JsonObject("{\"type\":\"enabled\",\"budget_tokens\":1024,\"display\":\"summarized\"}");
    JsonObject body = translate(thinkingRequest(thinking.encode(), null), CLAUDE).body();
    assertEquals(thinking, body.getJsonObject("thinking"));
    assertFalse(body.containsKey("reasoning_effort"));
  }

  static Stream<Arguments> budgets() {
    List<String> all = ReasoningEffort.SCALE;
    return Stream.of(
        Arguments.of(0, all, "minimal"), Arguments.of(1023, all, "minimal"), Arguments.of(1024, all, "low"),
        Arguments.of(2048, all, "medium"), Arguments.of(4096, all, "high"), Arguments.of(8192, all, "xhigh"),
        Arguments.of(16384, all, "max"), Arguments.of(32000, List.of("low", "medium", "high"), "high"),
        Arguments.of(500, List.of("low", "medium", "high"), "low"),
        Arguments.of(500, List.of("none", "low", "high"), "low"),
        Arguments.of(2048, List.of("low", "high"), "high"));
  }

  @ParameterizedTest
  @MethodSource("budgets")
  void e20_budgetThresholdsFittedToTheModel(int budget, List<String> supported, String expected) {
    ChatTarget target = new ChatTarget("gpt-5", false, supported);
    TranslatedRequest translated = translate(thinkingRequest("{\"type\":\"enabled\",\"budget_tokens\":" + budget + "}", null), target);
    assertEquals(expected, translated.body().getString("reasoning_effort"));
    assertEquals(!expected.equals(ReasoningEffort.fromBudget(budget)),
        translated.warnings().codes().contains("reasoning_effort.adjusted"));
  }

  @Test
  void e20_noSupportedEffortDropsItWithAWarning() {
    TranslatedRequest translated = translate(thinkingRequest("{\"type\":\"enabled\",\"budget_tokens\":4096}", null),
        new ChatTarget("gpt-4o", false, List.of()));
    assertFalse(translated.body().containsKey("reasoning_effort"));
    assertFalse(translated.body().containsKey("thinking"));
    assertEquals(Set.of("reasoning_effort.dropped"), translated.warnings().codes());
  }

  @Test
  void e20_adaptiveThinkingAndExplicitEffort() {
    ChatTarget target = new ChatTarget("gpt-5", false, ReasoningEffort.SCALE);
    assertEquals("medium", translate(thinkingRequest("{\"type\":\"adaptive\"}", null), target).body().getString("reasoning_effort"));
    assertEquals("xhigh", translate(thinkingRequest("{\"type\":\"adaptive\"}", "{\"effort\":\"xhigh\"}"), target)
        .body().getString("reasoning_effort"));
    assertEquals("low", translate(thinkingRequest("{\"type\":\"enabled\",\"budget_tokens\":9000}", "{\"effort\":\"low\"}"), target)
        .body().getString("reasoning_effort"));
    assertEquals("high", translate(thinkingRequest("{\"type\":\"disabled\"}", "{\"effort\":\"high\"}"), target)
        .body().getString("reasoning_effort"));
    assertFalse(translate(thinkingRequest("{\"type\":\"disabled\"}", null), target).body().containsKey("reasoning_effort"));
  }

  @Test
  void e20_effortForClaudeIsNotSentAndSaysSo() {
    TranslatedRequest translated = translate(thinkingRequest("{\"type\":\"adaptive\"}", "{\"effort\":\"high\"}"), CLAUDE);
    assertFalse(translated.body().containsKey("reasoning_effort"));
    assertEquals(new JsonObject().put("type", "adaptive"), translated.body().getJsonObject("thinking"));
    assertEquals(Set.of("output_config.effort_dropped"), translated.warnings().codes());
  }

  @Test
  void e21_systemRoleInsideMessagesIsHoisted() {
    JsonArray messages = messages(withMessages("""
        [{"role":"user","content":"hi"},{"role":"system","content":"you are helpful"}]"""), GPT);
    assertEquals(List.of("system", "user"), roles(messages));
    assertEquals("you are helpful", messages.getJsonObject(0).getString("content"));
  }

  @Test
  void e21_hoistedSystemIsAppendedToTheExistingOne() {
    JsonArray messages = messages("""
        {"max_tokens":10,"system":"base prompt","messages":[
          {"role":"user","content":"hi"},
          {"role":"system","content":[{"type":"text","text":"first extra"},{"type":"text","text":"second extra"}]},
          {"role":"system","content":null},{"role":"system","content":""},
          {"role":"assistant","content":"hello"}]}""", GPT);
    assertEquals(List.of("system", "user", "assistant"), roles(messages));
    assertEquals("base prompt\n\nfirst extra\n\nsecond extra", messages.getJsonObject(0).getString("content"));
  }

  @Test
  void e21_nonTextSystemBlocksAreDroppedWithAWarning() {
    TranslatedRequest translated = translate("""
        {"max_tokens":10,"system":[{"type":"image","source":{"type":"url","url":"https://x/y.png"}},{"type":"text","text":"a"}],
         "messages":[{"role":"user","content":"hi"}]}""", GPT);
    assertEquals("a", translated.body().getJsonArray("messages").getJsonObject(0).getString("content"));
    assertEquals(Set.of("system.unsupported_block_dropped"), translated.warnings().codes());
  }

  @Test
  void e21_systemBlocksAreJoined() {
    JsonArray messages = messages("""
        {"max_tokens":10,"system":[{"type":"text","text":"a"},{"type":"text","text":""},{"type":"text","text":"b"}],
         "messages":[{"role":"user","content":"hi"}]}""", GPT);
    assertEquals("a\n\nb", messages.getJsonObject(0).getString("content"));
  }

  @Test
  void e22_emptyTextBlocksAreNotSent() {
    JsonObject request = new JsonObject(withMessages("""
        [{"role":"user","content":[{"type":"text","text":""},{"type":"text","text":"  "},{"type":"text","text":"real"}]},
         {"role":"assistant","content":[{"type":"text","text":""},{"type":"tool_use","id":"t1","name":"x","input":{}}]},
         {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":""}]},
         {"role":"user","content":[{"type":"text","text":" \\n "}]},
         {"role":"assistant","content":""}]"""));
    JsonObject before = request.copy();
    JsonArray messages = AnthropicToChat.request(request, CLAUDE).body().getJsonArray("messages");
    assertEquals(before, request);
    assertEquals("real", messages.getJsonObject(0).getString("content"));
    assertNull(messages.getJsonObject(1).getValue("content"));
    assertEquals(1, messages.getJsonObject(1).getJsonArray("tool_calls").size());
    assertEquals("", messages.getJsonObject(2).getString("content"));
    assertEquals(MessageTranslator.EMPTY_TURN, messages.getJsonObject(3).getString("content"));
    assertEquals("", messages.getJsonObject(4).getString("content"), "string content is left as it is");
  }

  @Test
  void toolResultErrorsAndMissingContent() {
    JsonArray messages = messages(withMessages("""
        [{"role":"user","content":[
           {"type":"tool_result","tool_use_id":"a","is_error":true,"content":"file not found"},
           {"type":"tool_result","tool_use_id":"b","is_error":true},
           {"type":"tool_result","tool_use_id":"c"}]}]"""), GPT);
    assertEquals(List.of("tool", "tool", "tool"), roles(messages));
    assertEquals("Error: file not found", messages.getJsonObject(0).getString("content"));
    assertEquals("Error", messages.getJsonObject(1).getString("content"));
    assertEquals("", messages.getJsonObject(2).getString("content"));
  }

  @Test
  void documents() {
    TranslatedRequest translated = translate(withMessages("""
        [{"role":"user","content":[
           {"type":"document","source":{"type":"text","media_type":"text/plain","data":"plain text body"},"title":"notes.txt"},
           {"type":"document","source":{"type":"base64","media_type":"application/pdf","data":"JVBERi0="},"title":"spec.pdf"},
           {"type":"document","source":{"type":"content","content":[{"type":"text","text":"inline"}]}},
           {"type":"document","source":{"type":"url","url":"https://example.com/a.pdf"}},
           {"type":"text","text":"Summarise."}]}]"""), GPT);
    JsonArray parts = translated.body().getJsonArray("messages").getJsonObject(0).getJsonArray("content");
    assertEquals(new JsonObject().put("type", "text").put("text", "notes.txt\n\nplain text body"), parts.getJsonObject(0));
    assertEquals(new JsonObject("""
        {"type":"file","file":{"file_data":"data:application/pdf;base64,JVBERi0=","filename":"spec.pdf"}}"""), parts.getJsonObject(1));
    assertEquals("inline", parts.getJsonObject(2).getString("text"));
    assertEquals("Summarise.", parts.getJsonObject(3).getString("text"));
    assertEquals(4, parts.size());
    assertEquals(Set.of("document.unsupported_source_dropped"), translated.warnings().codes());
  }

  @Test
  void unsupportedBlocksAreDroppedWithAWarning() {
    TranslatedRequest translated = translate(withMessages("""
        [{"role":"user","content":[{"type":"search_result","source":"s","title":"t","content":[]},
                                   {"type":"image","source":{"type":"file","file_id":"file_1"}},
                                   {"type":"text","text":"hi"}]},
         {"role":"assistant","content":[{"type":"server_tool_use","id":"s1","name":"web_search","input":{}},
                                        {"type":"text","text":"done"}]}]"""), GPT);
    assertEquals("hi", translated.body().getJsonArray("messages").getJsonObject(0).getString("content"));
    assertEquals("done", translated.body().getJsonArray("messages").getJsonObject(1).getString("content"));
    assertEquals(Set.of("content.unsupported_block_dropped", "image.unsupported_source_dropped"), translated.warnings().codes());
  }

  @Test
  void redactedThinkingIsOpaqueReasoningForClaudeOnly() {
    String request = withMessages("""
        [{"role":"user","content":"hi"},
         {"role":"assistant","content":[{"type":"redacted_thinking","data":"ENCRYPTED"},{"type":"text","text":"Hello"}]}]""");
    JsonObject claude = translate(request, CLAUDE).body().getJsonArray("messages").getJsonObject(1);
    assertEquals("ENCRYPTED", claude.getString("reasoning_opaque"));
    assertFalse(claude.containsKey("reasoning_text"));
    TranslatedRequest gpt = translate(request, GPT);
    assertFalse(gpt.body().getJsonArray("messages").getJsonObject(1).containsKey("reasoning_opaque"));
    assertEquals(Set.of("redacted_thinking.dropped"), gpt.warnings().codes());
  }

  @Test
  void samplingStopStreamAndUnsupportedFields() {
    TranslatedRequest translated = translate("""
        {"max_tokens":4096,"messages":[{"role":"user","content":"hi"}],"stream":true,"stop_sequences":["END","STOP"],
         "top_k":40,"temperature":1,"metadata":{"user_id":"u-1"},"mcp_servers":[{"type":"url","url":"https://x","name":"x"}],
         "service_tier":"auto","cache_control":{"type":"ephemeral"}}""", GPT);
    JsonObject body = translated.body();
    assertEquals(true, body.getBoolean("stream"));
    assertEquals(new JsonObject().put("include_usage", true), body.getJsonObject("stream_options"));
    assertEquals(new JsonArray().add("END").add("STOP"), body.getJsonArray("stop"));
    assertEquals(4096L, body.getLong("max_tokens"));
    assertEquals(1, body.getInteger("temperature"));
    assertEquals("u-1", body.getString("user"));
    assertFalse(body.containsKey("top_k"));
    assertEquals(Set.of("top_k.dropped", "mcp_servers.dropped"), translated.warnings().codes());
  }

  @Test
  void integralFloatMaxTokensIsAccepted() {
    assertEquals(1024L, translate("{\"max_tokens\":1024.0,\"messages\":[]}", GPT).body().getLong("max_tokens"));
  }

  @Test
  void theClientRequestIsNeverModified() {
    JsonObject request = new JsonObject(CACHED_CONVERSATION);
    JsonObject before = request.copy();
    AnthropicToChat.request(request, CLAUDE);
    AnthropicToChat.request(request, GPT);
    assertEquals(before, request);
  }

  static List<String> roles(JsonArray messages) {
    return messages.stream().map(m -> ((JsonObject) m).getString("role")).toList();
  }
}
