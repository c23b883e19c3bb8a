package io.ghcapi.translator.responses;

import io.ghcapi.translator.TranslationException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.translator.TranslatedRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ChatToResponsesRequestTest {

  private static JsonObject message(String role, Object content) {
    return new JsonObject().put("role", role).put("content", content);
  }

  private static TranslatedRequest translate(JsonObject request) {
    return ChatToResponses.request(request, "gpt-5-codex");
  }

  private static JsonObject withMessages(JsonObject... messages) {
    return new JsonObject().put("model", "codex").put("messages", new JsonArray(java.util.List.of((Object[]) messages)));
  }

  @Test
  void systemAndDeveloperTextsBecomeInstructionsJoinedByABlankLine() {
    JsonObject body = translate(withMessages(
        message("system", "You are terse."),
        message("developer", new JsonArray().add(new JsonObject().put("type", "text").put("text", "Use tools."))
            .add(new JsonObject().put("type", "image_url").put("image_url", new JsonObject().put("url", "https://x/y.png")))),
        message("user", "hi"))).body();

    assertEquals("gpt-5-codex", body.getString("model"));
    assertEquals("You are terse.\n\nUse tools.\n[image: https://x/y.png]", body.getString("instructions"));
    assertEquals(new JsonArray().add(new JsonObject().put("type", "message").put("role", "user").put("content", "hi")),
        body.getJsonArray("input"));
    assertEquals(false, body.getValue("store"));
  }

  @Test
  void anAssistantTurnBecomesReasoningThenTextThenOneFunctionCallPerToolCall() {
    JsonObject assistant = message("assistant", "Let me check.")
        .put("reasoning_text", "Need the weather.").put("reasoning_opaque", "enc-1")
        .put("tool_calls", new JsonArray()
            .add(new JsonObject().put("id", "call_1").put("type", "function")
                .put("function", new JsonObject().put("name", "weather").put("arguments", "{\"city\":\"Paris\"}")))
            .add(new JsonObject().put("id", "call_2").put("type", "function")
                .put("function", new JsonObject().put("name", "time").put("arguments", new JsonObject().put("tz", "CET")))));
    JsonArray input = translate(withMessages(message("user", "weather?"), assistant,
        message("tool", "Sunny").put("tool_call_id", "call_1"),
        message("tool", new JsonArray().add(new JsonObject().put("type", "text").put("text", "12:00"))).put("tool_call_id", "call_2")))
        .body().getJsonArray("input");

    assertEquals(new JsonObject().put("type", "reasoning")
        .put("summary", new JsonArray().add(new JsonObject().put("type", "summary_text").put("text", "Need the weather.")))
        .put("encrypted_content", "enc-1"), input.getJsonObject(1));
    assertEquals(new JsonObject().put("type", "message").put("role", "assistant")
        .put("content", new JsonArray().add(new JsonObject().put("type", "output_text").put("text", "Let me check."))), input.getJsonObject(2));
    assertEquals(new JsonObject().put("type", "function_call").put("call_id", "call_1").put("name", "weather")
        .put("arguments", "{\"city\":\"Paris\"}"), input.getJsonObject(3));
    assertEquals("{\"tz\":\"CET\"}", input.getJsonObject(4).getString("arguments"));
    assertEquals(new JsonObject().put("type", "function_call_output").put("call_id", "call_1").put("output", "Sunny"), input.getJsonObject(5));
    assertEquals("12:00", input.getJsonObject(6).getString("output"));
  }

  @Test
  void readableReasoningWithoutItsOpaqueStateIsDroppedWithAWarning() {
    TranslatedRequest translated = translate(withMessages(message("user", "q"),
        message("assistant", "a").put("reasoning_text", "thoughts")));

    assertEquals(2, translated.body().getJsonArray("input").size());
    assertTrue(translated.warnings().codes().contains("reasoning.dropped"));
  }

  @Test
  void userPartsBecomeInputTextAndInputImage() {
    JsonArray input = translate(withMessages(message("user", new JsonArray()
        .add(new JsonObject().put("type", "text").put("text", "What is it?"))
        .add(new JsonObject().put("type", "image_url").put("image_url", new JsonObject().put("url", "data:image/png;base64,AA")))
        .add(new JsonObject().put("type", "image_url").put("image_url", new JsonObject().put("url", "https://i").put("detail", "low"))))))
        .body().getJsonArray("input");

    assertEquals(new JsonArray()
        .add(new JsonObject().put("type", "input_text").put("text", "What is it?"))
        .add(new JsonObject().put("type", "input_image").put("image_url", "data:image/png;base64,AA").put("detail", "auto"))
        .add(new JsonObject().put("type", "input_image").put("image_url", "https://i").put("detail", "low")),
        input.getJsonObject(0).getJsonArray("content"));
  }

  @Test
  void textOnlyUserPartsBecomeOneString() {
    JsonArray input = translate(withMessages(message("user", new JsonArray()
        .add(new JsonObject().put("type", "text").put("text", "a")).add(new JsonObject().put("type", "text").put("text", "b")))))
        .body().getJsonArray("input");

    assertEquals("a\nb", input.getJsonObject(0).getString("content"));
  }

  @Test
  void settingsAreMapped() {
    TranslatedRequest translated = translate(withMessages(message("user", "hi"))
        .put("temperature", 0.3).put("top_p", 0.8).put("parallel_tool_calls", false)
        .put("max_tokens", 100).put("max_completion_tokens", 500).put("reasoning_effort", "high")
        .put("response_format", new JsonObject().put("type", "json_schema").put("json_schema", new JsonObject().put("name", "out")
            .put("schema", new JsonObject().put("type", "object")).put("strict", true)))
        .put("stream", true).put("stream_options", new JsonObject().put("include_usage", true)).put("stop", "END"));
    JsonObject body = translated.body();

    assertEquals(0.3, body.getDouble("temperature"));
    assertEquals(0.8, body.getDouble("top_p"));
    assertEquals(false, body.getValue("parallel_tool_calls"));
    assertEquals(500, body.getInteger("max_output_tokens"));
    assertEquals(new JsonObject().put("effort", "high").put("summary", "auto"), body.getJsonObject("reasoning"));
    assertEquals(new JsonArray().add("reasoning.encrypted_content"), body.getJsonArray("include"));
    assertEquals(new JsonObject().put("format", new JsonObject().put("type", "json_schema").put("name", "out")
        .put("schema", new JsonObject().put("type", "object")).put("strict", true)), body.getJsonObject("text"));
    assertEquals(true, body.getValue("stream"));
    assertFalse(body.containsKey("stream_options"));
    assertFalse(body.containsKey("stop"));
    assertFalse(body.containsKey("messages"));
    assertTrue(translated.warnings().codes().contains("stop.dropped"));
  }

  @Test
  void maxTokensIsUsedWithoutMaxCompletionTokens() {
    assertEquals(64, translate(withMessages(message("user", "hi")).put("max_tokens", 64)).body().getInteger("max_output_tokens"));
  }

  @Test
  void toolsAreFlattenedWithDefaultsAndBlankDescriptionsFilled() {
    JsonObject body = translate(withMessages(message("user", "hi")).put("tools", new JsonArray()
        .add(new JsonObject().put("type", "function").put("function", new JsonObject().put("name", "weather")
            .put("description", "Get weather").put("parameters", new JsonObject().put("type", "object")).put("strict", true)))
        .add(new JsonObject().put("type", "function").put("function", new JsonObject().put("name", "ping").put("description", "  "))))
        .put("tool_choice", new JsonObject().put("type", "function").put("function", new JsonObject().put("name", "weather")))).body();

    assertEquals(new JsonArray()
        .add(new JsonObject().put("type", "function").put("name", "weather").put("description", "Get weather")
            .put("parameters", new JsonObject().put("type", "object")).put("strict", true))
        .add(new JsonObject().put("type", "function").put("name", "ping").put("description", "Tool: ping.")
            .put("parameters", new JsonObject().put("type", "object").put("properties", new JsonObject()))),
        body.getJsonArray("tools"));
    assertEquals(new JsonObject().put("type", "function").put("name", "weather"), body.getJsonObject("tool_choice"));
  }

  @Test
  void stringToolChoicesAreKept() {
    JsonObject body = translate(withMessages(message("user", "hi")).put("tool_choice", "required").put("tools", new JsonArray()
        .add(new JsonObject().put("type", "function").put("function", new JsonObject().put("name", "x"))))).body();

    assertEquals("required", body.getValue("tool_choice"));
  }

  @Test
  void invalidShapesAreRejected() {
    TranslationException notArray = assertThrows(TranslationException.class, () -> translate(new JsonObject().put("messages", "hi")));
    assertEquals("messages", notArray.param());
    TranslationException noRole = assertThrows(TranslationException.class,
        () -> translate(new JsonObject().put("messages", new JsonArray().add(new JsonObject().put("content", "x")))));
    assertEquals("messages[0].role", noRole.param());
    assertThrows(TranslationException.class, () -> translate(withMessages(message("user", "hi")).put("tools", "x")));
  }
}
