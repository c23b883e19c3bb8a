package io.ghcapi.translator.responses;

import io.ghcapi.translator.TranslationException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.translator.TranslatedRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ResponsesToChatRequestTest {

  private static JsonObject text(String type, String text) {
    return new JsonObject().put("type", type).put("text", text);
  }

  private static JsonObject message(String role, JsonObject... parts) {
    return new JsonObject().put("type", "message").put("role", role).put("content", new JsonArray(java.util.List.of((Object[]) parts)));
  }

  private static JsonObject functionCall(String callId, String name, String arguments) {
    return new JsonObject().put("type", "function_call").put("call_id", callId).put("name", name).put("arguments", arguments)
        .put("id", "fc_" + callId).put("status", "completed");
  }

  private static JsonObject output(String callId, Object output) {
    return new JsonObject().put("type", "function_call_output").put("call_id", callId).put("output", output);
  }

  private static JsonObject functionTool(String name) {
    return new JsonObject().put("type", "function").put("name", name).put("description", "Runs " + name)
        .put("parameters", new JsonObject().put("type", "object").put("properties", new JsonObject()
            .put("cmd", new JsonObject().put("type", "string"))))
        .put("strict", false);
  }

  private static TranslatedRequest translate(JsonObject request) {
    return ResponsesToChat.request(request, "gpt-4.1");
  }

  private static JsonArray messages(JsonObject request) {
    return translate(request).body().getJsonArray("messages");
  }

  @Test
  void instructionsBecomeTheFirstSystemMessageAndAStringInputOneUserMessage() {
    JsonObject body = translate(new JsonObject().put("model", "gpt-5-codex").put("instructions", "Be brief.").put("input", "hi")).body();

    assertEquals("gpt-4.1", body.getString("model"));
    assertEquals(new JsonArray()
        .add(new JsonObject().put("role", "system").put("content", "Be brief."))
        .add(new JsonObject().put("role", "user").put("content", "hi")), body.getJsonArray("messages"));
  }

  @Test
  void messageItemsKeepTheirRolesAndDeveloperBecomesSystem() {
    JsonArray messages = messages(new JsonObject().put("input", new JsonArray()
        .add(message("developer", text("input_text", "rules"), text("input_text", "more rules")))
        .add(message("system", text("input_text", "sys")))
        .add(message("user", text("input_text", "question")))
        .add(message("assistant", text("output_text", "answer")))));

    assertEquals(new JsonObject().put("role", "system").put("content", "rules\nmore rules"), messages.getJsonObject(0));
    assertEquals("system", messages.getJsonObject(1).getString("role"));
    assertEquals(new JsonObject().put("role", "user").put("content", "question"), messages.getJsonObject(2));
    assertEquals(new JsonObject().put("role", "assistant").put("content", "answer"), messages.getJsonObject(3));
  }

  @Test
  void anItemWithARoleButNoTypeIsAMessageAsTheApiAcceptsIt() {
    JsonArray messages = messages(new JsonObject().put("input", new JsonArray()
        .add(new JsonObject().put("role", "user").put("content", "hello"))));

    assertEquals(new JsonObject().put("role", "user").put("content", "hello"), messages.getJsonObject(0));
  }

  @Test
  void inputImageBecomesAnImageUrlPart() {
    JsonArray messages = messages(new JsonObject().put("input", new JsonArray().add(message("user",
        text("input_text", "what is this?"),
        new JsonObject().put("type", "input_image").put("image_url", "data:image/png;base64,AAA").put("detail", "high")))));

    assertEquals(new JsonArray()
        .add(new JsonObject().put("type", "text").put("text", "what is this?"))
        .add(new JsonObject().put("type", "image_url").put("image_url",
            new JsonObject().put("url", "data:image/png;base64,AAA").put("detail", "high"))),
        messages.getJsonObject(0).getJsonArray("content"));
  }

  @Test
  void consecutiveFunctionCallsJoinThePrecedingAssistantTextAsOneMessage() {
    JsonArray messages = messages(new JsonObject().put("input", new JsonArray()
        .add(message("user", text("input_text", "list and count")))
        .add(message("assistant", text("output_text", "Running both.")))
        .add(functionCall("call_1", "shell", "{\"cmd\":\"ls\"}"))
        .add(functionCall("call_2", "shell", "{\"cmd\":\"wc\"}"))
        .add(output("call_1", "a b"))
        .add(output("call_2", "2"))));

    assertEquals(4, messages.size());
    JsonObject assistant = messages.getJsonObject(1);
    assertEquals("Running both.", assistant.getString("content"));
    assertEquals(new JsonArray()
        .add(new JsonObject().put("id", "call_1").put("type", "function")
            .put("function", new JsonObject().put("name", "shell").put("arguments", "{\"cmd\":\"ls\"}")))
        .add(new JsonObject().put("id", "call_2").put("type", "function")
            .put("function", new JsonObject().put("name", "shell").put("arguments", "{\"cmd\":\"wc\"}"))),
        assistant.getJsonArray("tool_calls"));
    assertEquals(new JsonObject().put("role", "tool").put("tool_call_id", "call_1").put("content", "a b"), messages.getJsonObject(2));
    assertEquals(new JsonObject().put("role", "tool").put("tool_call_id", "call_2").put("content", "2"), messages.getJsonObject(3));
  }

  @Test
  void functionCallsWithoutPrecedingTextGetTheirOwnAssistantMessage() {
    JsonArray messages = messages(new JsonObject().put("input", new JsonArray()
        .add(message("user", text("input_text", "go")))
        .add(functionCall("call_1", "shell", "{}"))
        .add(output("call_1", "ok"))
        .add(functionCall("call_2", "shell", "{}"))
        .add(output("call_2", "ok"))));

    assertEquals(5, messages.size());
    assertTrue(messages.getJsonObject(1).containsKey("content"));
    assertNull(messages.getJsonObject(1).getValue("content"));
    assertEquals("call_2", messages.getJsonObject(3).getJsonArray("tool_calls").getJsonObject(0).getString("id"));
  }

  @Test
  void aToolOutputPartsListIsJoinedAndItsImagesFollowAllToolResultsInAUserMessage() {
    JsonArray messages = messages(new JsonObject().put("input", new JsonArray()
        .add(functionCall("call_1", "view_image", "{}"))
        .add(functionCall("call_2", "shell", "{}"))
        .add(output("call_1", new JsonArray()
            .add(text("input_text", "line 1")).add(text("input_text", "line 2"))
            .add(new JsonObject().put("type", "input_image").put("image_url", "data:image/png;base64,QQ=="))))
        .add(output("call_2", "done"))
        .add(message("user", text("input_text", "thanks")))));

    assertEquals("line 1\nline 2", messages.getJsonObject(1).getString("content"));
    assertEquals("tool", messages.getJsonObject(2).getString("role"));
    JsonObject images = messages.getJsonObject(3);
    assertEquals("user", images.getString("role"));
    assertEquals("data:image/png;base64,QQ==",
        images.getJsonArray("content").getJsonObject(0).getJsonObject("image_url").getString("url"));
    assertEquals("thanks", messages.getJsonObject(4).getString("content"));
  }

  @Test
  void reasoningItemsAreDroppedWithAWarning() {
    TranslatedRequest translated = translate(new JsonObject().put("input", new JsonArray()
        .add(message("user", text("input_text", "hi")))
        .add(new JsonObject().put("type", "reasoning").put("id", "rs_1")
            .put("summary", new JsonArray().add(text("summary_text", "secret thoughts"))).put("encrypted_content", "gAAA"))
        .add(message("assistant", text("output_text", "hello")))));

    assertEquals(2, translated.body().getJsonArray("messages").size());
    assertFalse(translated.body().encode().contains("secret thoughts"));
    assertTrue(translated.warnings().codes().contains("reasoning.dropped"));
  }

  @Test
  void flatFunctionToolsBecomeNestedFunctions() {
    JsonObject body = translate(new JsonObject().put("input", "hi").put("tools", new JsonArray()
        .add(functionTool("shell"))
        .add(new JsonObject().put("type", "function").put("name", "noargs")))).body();

    assertEquals(new JsonObject().put("type", "function").put("function", new JsonObject().put("name", "shell")
        .put("description", "Runs shell").put("parameters", functionTool("shell").getJsonObject("parameters")).put("strict", false)),
        body.getJsonArray("tools").getJsonObject(0));
    assertEquals(new JsonObject().put("type", "object").put("properties", new JsonObject()),
        body.getJsonArray("tools").getJsonObject(1).getJsonObject("function").getJsonObject("parameters"));
  }

  @Test
  void customToolsBecomeFunctionsWithOneInputStringAndTheirGrammarInTheDescription() {
    JsonObject applyPatch = new JsonObject().put("type", "custom").put("name", "apply_patch").put("description", "Edit files.")
        .put("format", new JsonObject().put("type", "grammar").put("syntax", "lark").put("definition", "start: patch"));
    JsonObject function = translate(new JsonObject().put("input", "hi").put("tools", new JsonArray().add(applyPatch)))
        .body().getJsonArray("tools").getJsonObject(0).getJsonObject("function");

    assertEquals("apply_patch", function.getString("name"));
    assertEquals(new JsonObject().put("type", "object")
        .put("properties", new JsonObject().put("input", new JsonObject().put("type", "string")))
        .put("required", new JsonArray().add("input")), function.getJsonObject("parameters"));
    assertTrue(function.getString("description").startsWith("Edit files.\n\n"));
    assertTrue(function.getString("description").contains("lark grammar:\nstart: patch"));
  }

  @Test
  void customToolHistoryItemsBecomeAToolCallWithInputArgumentsAndAToolMessage() {
    JsonArray messages = messages(new JsonObject().put("input", new JsonArray()
        .add(new JsonObject().put("type", "custom_tool_call").put("call_id", "call_p").put("name", "apply_patch")
            .put("input", "*** Begin Patch\n*** End Patch"))
        .add(new JsonObject().put("type", "custom_tool_call_output").put("call_id", "call_p").put("output", "Done!"))));

    JsonObject call = messages.getJsonObject(0).getJsonArray("tool_calls").getJsonObject(0);
    assertEquals("apply_patch", call.getJsonObject("function").getString("name"));
    assertEquals(new JsonObject().put("input", "*** Begin Patch\n*** End Patch"),
        new JsonObject(call.getJsonObject("function").getString("arguments")));
    assertEquals(new JsonObject().put("role", "tool").put("tool_call_id", "call_p").put("content", "Done!"), messages.getJsonObject(1));
  }

  @Test
  void hostedToolsAreDroppedWithAWarningAndWithoutToolsNoToolChoiceIsSent() {
    TranslatedRequest translated = translate(new JsonObject().put("input", "hi").put("tool_choice", "auto")
        .put("parallel_tool_calls", true).put("tools", new JsonArray()
            .add(new JsonObject().put("type", "web_search").put("external_web_access", false))
            .add(new JsonObject().put("type", "local_shell"))));

    assertFalse(translated.body().containsKey("tools"));
    assertFalse(translated.body().containsKey("tool_choice"));
    assertFalse(translated.body().containsKey("parallel_tool_calls"));
    assertTrue(translated.warnings().codes().contains("tool.hosted_tool_dropped"));
  }

  @Test
  void namespaceToolsAreOfferedAsPlainFunctions() {
    JsonObject namespace = new JsonObject().put("type", "namespace").put("name", "multi_agent_v1").put("description", "Agents.")
        .put("tools", new JsonArray().add(functionTool("close_agent")).add(functionTool("spawn_agent")));
    JsonArray tools = translate(new JsonObject().put("input", "hi").put("tools", new JsonArray().add(functionTool("shell")).add(namespace)))
        .body().getJsonArray("tools");

    assertEquals(3, tools.size());
    assertEquals("close_agent", tools.getJsonObject(1).getJsonObject("function").getString("name"));
    assertEquals("spawn_agent", tools.getJsonObject(2).getJsonObject("function").getString("name"));
  }

  @Test
  void toolChoiceIsNestedAndStringsAreKept() {
    JsonObject tools = new JsonObject().put("input", "hi").put("tools", new JsonArray().add(functionTool("shell")));

    assertEquals(new JsonObject().put("type", "function").put("function", new JsonObject().put("name", "shell")),
        translate(tools.copy().put("tool_choice", new JsonObject().put("type", "function").put("name", "shell"))).body().getValue("tool_choice"));
    assertEquals("required", translate(tools.copy().put("tool_choice", "required")).body().getValue("tool_choice"));
    assertEquals(new JsonObject().put("type", "allowed_tools").put("allowed_tools", new JsonObject().put("mode", "required")
            .put("tools", new JsonArray().add(new JsonObject().put("type", "function").put("function", new JsonObject().put("name", "shell"))))),
        translate(tools.copy().put("tool_choice", new JsonObject().put("type", "allowed_tools").put("mode", "required")
            .put("tools", new JsonArray().add(new JsonObject().put("type", "function").put("name", "shell"))))).body().getValue("tool_choice"));
    TranslatedRequest hosted = translate(tools.copy().put("tool_choice", new JsonObject().put("type", "web_search_preview")));
    assertFalse(hosted.body().containsKey("tool_choice"));
    assertTrue(hosted.warnings().codes().contains("tool_choice.hosted_tool_dropped"));
  }

  @Test
  void settingsAreMappedAndServerStateFieldsDropped() {
    TranslatedRequest translated = translate(new JsonObject().put("input", "hi").put("tools", new JsonArray().add(functionTool("shell")))
        .put("parallel_tool_calls", false).put("reasoning", new JsonObject().put("effort", "high").put("summary", "auto"))
        .put("max_output_tokens", 2048).put("temperature", 0.2).put("top_p", 0.9).put("user", "u-1")
        .put("text", new JsonObject().put("format", new JsonObject().put("type", "json_schema").put("name", "answer")
            .put("schema", new JsonObject().put("type", "object")).put("strict", true)))
        .put("store", false).put("include", new JsonArray().add("reasoning.encrypted_content")).put("prompt_cache_key", "k")
        .put("client_metadata", new JsonObject().put("a", "b")).put("service_tier", "auto").put("previous_response_id", "resp_0")
        .put("stream", true));
    JsonObject body = translated.body();

    assertEquals(false, body.getValue("parallel_tool_calls"));
    assertEquals("high", body.getString("reasoning_effort"));
    assertEquals(2048, body.getInteger("max_tokens"));
    assertEquals(0.2, body.getDouble("temperature"));
    assertEquals(0.9, body.getDouble("top_p"));
    assertEquals("u-1", body.getString("user"));
    assertEquals(new JsonObject().put("type", "json_schema").put("json_schema", new JsonObject().put("name", "answer")
        .put("schema", new JsonObject().put("type", "object")).put("strict", true)), body.getJsonObject("response_format"));
    for (String dropped : new String[] {"store", "include", "prompt_cache_key", "client_metadata", "service_tier",
        "previous_response_id", "reasoning", "text", "max_output_tokens", "input", "instructions"}) {
      assertFalse(body.containsKey(dropped), dropped);
    }
    assertTrue(translated.warnings().codes().contains("previous_response_id.ignored"));
    assertEquals(true, body.getValue("stream"));
    assertEquals(new JsonObject().put("include_usage", true), body.getJsonObject("stream_options"));
  }

  @Test
  void aNonStreamingRequestHasNoStreamOptions() {
    JsonObject body = translate(new JsonObject().put("input", "hi").put("stream", false)).body();

    assertFalse(body.containsKey("stream_options"));
    assertFalse(body.containsKey("stream"));
  }

  @Test
  void longToolNamesAreShortenedInToolsToolChoiceAndHistory() {
    String longName = "mcp__a_very_long_server_name_for_testing__and_an_even_longer_tool_name_here";
    TranslatedRequest translated = translate(new JsonObject()
        .put("input", new JsonArray().add(functionCall("call_1", longName, "{}")).add(output("call_1", "ok")))
        .put("tools", new JsonArray().add(functionTool(longName)))
        .put("tool_choice", new JsonObject().put("type", "function").put("name", longName)));
    String sent = translated.body().getJsonArray("tools").getJsonObject(0).getJsonObject("function").getString("name");

    assertEquals(64, sent.length());
    assertEquals(longName, translated.toolNames().incoming(sent));
    assertEquals(sent, translated.body().getJsonArray("messages").getJsonObject(0).getJsonArray("tool_calls").getJsonObject(0)
        .getJsonObject("function").getString("name"));
    assertEquals(sent, translated.body().getJsonObject("tool_choice").getJsonObject("function").getString("name"));
  }

  @Test
  void invalidShapesAreRejectedWithTheOffendingParameter() {
    assertRejected(new JsonObject().put("input", 42), "input");
    assertRejected(new JsonObject(), "input");
    assertRejected(new JsonObject().put("input", new JsonArray().add(new JsonObject().put("content", "x"))), "input[0].type");
    assertRejected(new JsonObject().put("input", new JsonArray().add("text")), "input[0]");
    assertRejected(new JsonObject().put("input", "hi").put("tools", new JsonObject()), "tools");
    assertRejected(new JsonObject().put("input", new JsonArray().add(new JsonObject().put("type", "function_call").put("name", "x"))),
        "input[0].call_id");
    assertRejected(new JsonObject().put("input", new JsonArray().add(new JsonObject().put("type", "message").put("role", "bot")
        .put("content", "x"))), "input[0].role");
  }

  private static void assertRejected(JsonObject request, String param) {
    TranslationException rejected = assertThrows(TranslationException.class, () -> translate(request));
    assertEquals(400, rejected.status());
    assertEquals(param, rejected.param());
  }
}
