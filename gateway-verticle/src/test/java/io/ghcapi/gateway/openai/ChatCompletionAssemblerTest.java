package io.ghcapi.gateway.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ChatCompletionAssemblerTest {

  private static JsonObject chunk(JsonObject delta, String finishReason) {
    JsonObject choice = new JsonObject().put("index", 0).put("delta", delta);
    if (finishReason != null) {
      choice.put("finish_reason", finishReason);
    } else {
      choice.putNull("finish_reason");
    }
    return new JsonObject().put("id", "chatcmpl-1").put("object", "chat.completion.chunk").put("created", 1700000000)
        .put("model", "gpt-4o").put("choices", new JsonArray().add(choice));
  }

  private static JsonObject toolCall(int index, String id, String name, String arguments) {
    JsonObject function = new JsonObject();
    if (name != null) {
      function.put("name", name);
    }
    function.put("arguments", arguments);
    JsonObject call = new JsonObject().put("index", index).put("function", function);
    if (id != null) {
      call.put("id", id).put("type", "function");
    }
    return call;
  }

  @Test
  void rebuildsContentFinishReasonAndUsage() {
    ChatCompletionAssembler a = new ChatCompletionAssembler(0);
    assertTrue(a.empty());
    a.add(chunk(new JsonObject().put("role", "assistant").put("content", ""), null));
    a.add(chunk(new JsonObject().put("content", "Hello"), null));
    a.add(chunk(new JsonObject().put("content", ", world"), null));
    a.add(chunk(new JsonObject(), "stop"));
    JsonObject usage = new JsonObject().put("prompt_tokens", 10).put("completion_tokens", 3).put("total_tokens", 13);
    a.add(new JsonObject().put("id", "chatcmpl-1").put("choices", new JsonArray()).put("usage", usage));
    assertFalse(a.empty());

    JsonObject c = a.build();
    assertEquals("chatcmpl-1", c.getString("id"));
    assertEquals("chat.completion", c.getString("object"));
    assertEquals(1700000000, c.getInteger("created"));
    assertEquals("gpt-4o", c.getString("model"));
    JsonObject choice = c.getJsonArray("choices").getJsonObject(0);
    assertEquals(0, choice.getInteger("index"));
    assertEquals("stop", choice.getString("finish_reason"));
    JsonObject message = choice.getJsonObject("message");
    assertEquals("assistant", message.getString("role"));
    assertEquals("Hello, world", message.getString("content"));
    assertFalse(message.containsKey("tool_calls"));
    assertEquals(usage, c.getJsonObject("usage"));
    assertEquals(usage, a.usage());
    assertFalse(c.containsKey("_truncated"));
  }

  @Test
  void mergesToolCallsConcatenatingArguments() {
    ChatCompletionAssembler a = new ChatCompletionAssembler(0);
    a.add(chunk(new JsonObject().put("role", "assistant").putNull("content")
        .put("tool_calls", new JsonArray().add(toolCall(0, "call_1", "get_weather", ""))), null));
    a.add(chunk(new JsonObject().put("tool_calls", new JsonArray().add(toolCall(0, null, null, "{\"city\":"))), null));
    a.add(chunk(new JsonObject().put("tool_calls", new JsonArray().add(toolCall(1, "call_2", "get_time", ""))), null));
    a.add(chunk(new JsonObject().put("tool_calls", new JsonArray().add(toolCall(0, null, null, "\"Paris\"}"))), null));
    a.add(chunk(new JsonObject().put("tool_calls", new JsonArray().add(toolCall(1, null, null, "{}"))), null));
    a.add(chunk(new JsonObject(), "tool_calls"));

    JsonObject choice = a.build().getJsonArray("choices").getJsonObject(0);
    assertEquals("tool_calls", choice.getString("finish_reason"));
    JsonObject message = choice.getJsonObject("message");
    assertTrue(message.containsKey("content"));
    assertNull(message.getValue("content"), "no text beside tool calls -> content null");
    JsonArray calls = message.getJsonArray("tool_calls");
    assertEquals(2, calls.size());
    JsonObject first = calls.getJsonObject(0);
    assertEquals("call_1", first.getString("id"));
    assertEquals("function", first.getString("type"));
    assertEquals("get_weather", first.getJsonObject("function").getString("name"));
    assertEquals("{\"city\":\"Paris\"}", first.getJsonObject("function").getString("arguments"));
    JsonObject second = calls.getJsonObject(1);
    assertEquals("call_2", second.getString("id"));
    assertEquals("get_time", second.getJsonObject("function").getString("name"));
    assertEquals("{}", second.getJsonObject("function").getString("arguments"));
  }

  @Test
  void keepsTheLastFinishReasonAndUsage() {
    ChatCompletionAssembler a = new ChatCompletionAssembler(0);
    a.add(chunk(new JsonObject().put("content", "x"), "length"));
    a.add(chunk(new JsonObject(), null));
    a.add(new JsonObject().put("usage", new JsonObject().put("prompt_tokens", 1)));
    a.add(new JsonObject().put("usage", new JsonObject().put("prompt_tokens", 2)));
    JsonObject c = a.build();
    assertEquals("length", c.getJsonArray("choices").getJsonObject(0).getString("finish_reason"));
    assertEquals(2, c.getJsonObject("usage").getInteger("prompt_tokens"));
  }

  @Test
  void reasoningTextIsCollected() {
    ChatCompletionAssembler a = new ChatCompletionAssembler(0);
    a.add(chunk(new JsonObject().put("reasoning_text", "Let me "), null));
    a.add(chunk(new JsonObject().put("reasoning_text", "think."), null));
    a.add(chunk(new JsonObject().put("content", "42"), "stop"));
    JsonObject message = a.build().getJsonArray("choices").getJsonObject(0).getJsonObject("message");
    assertEquals("Let me think.", message.getString("reasoning_text"));
    assertEquals("42", message.getString("content"));
  }

  @Test
  void multipleChoicesAreKeptApartInIndexOrder() {
    ChatCompletionAssembler a = new ChatCompletionAssembler(0);
    a.add(new JsonObject().put("id", "x").put("choices", new JsonArray()
        .add(new JsonObject().put("index", 1).put("delta", new JsonObject().put("content", "B")))
        .add(new JsonObject().put("index", 0).put("delta", new JsonObject().put("content", "A")))));
    JsonArray choices = a.build().getJsonArray("choices");
    assertEquals(2, choices.size());
    assertEquals(0, choices.getJsonObject(0).getInteger("index"));
    assertEquals("A", choices.getJsonObject(0).getJsonObject("message").getString("content"));
    assertEquals("B", choices.getJsonObject(1).getJsonObject("message").getString("content"));
  }

  @Test
  void textPastTheLimitIsDroppedAndMarkedTruncated() {
    ChatCompletionAssembler a = new ChatCompletionAssembler(10);
    a.add(chunk(new JsonObject().put("content", "12345"), null));
    a.add(chunk(new JsonObject().put("content", "67890"), null));
    a.add(chunk(new JsonObject().put("content", "overflow"), null));
    a.add(chunk(new JsonObject(), "stop"));
    JsonObject c = a.build();
    assertEquals(true, c.getBoolean("_truncated"));
    JsonObject choice = c.getJsonArray("choices").getJsonObject(0);
    assertEquals("1234567890", choice.getJsonObject("message").getString("content"));
    assertTrue(choice.getJsonObject("message").getString("content").length() <= 10);
    assertEquals("stop", choice.getString("finish_reason"), "finish reason is still recorded after truncation");
  }

  /** Truncation keeps a prefix: once a fragment is dropped, later (smaller) ones must not fill the gap. */
  @Test
  void truncatedTextIsAPrefixOfTheRealText() {
    ChatCompletionAssembler a = new ChatCompletionAssembler(10);
    a.add(chunk(new JsonObject().put("content", "12345"), null));
    a.add(chunk(new JsonObject().put("content", "678901234"), null));
    a.add(chunk(new JsonObject().put("content", "X"), null));
    JsonObject c = a.build();
    assertEquals(true, c.getBoolean("_truncated"));
    String content = c.getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content");
    assertTrue("12345678901234X".startsWith(content), "recorded text has a hole: \"" + content + "\"");
  }

  @Test
  void toolArgumentsCountTowardsTheLimit() {
    ChatCompletionAssembler a = new ChatCompletionAssembler(5);
    a.add(chunk(new JsonObject().put("tool_calls", new JsonArray().add(toolCall(0, "call_1", "f", "{\"a\":\"long\"}"))), null));
    assertEquals(true, a.build().getBoolean("_truncated"));
  }

  @Test
  void emptyAssemblerBuildsWithNullIds() {
    ChatCompletionAssembler a = new ChatCompletionAssembler(0);
    assertTrue(a.empty());
    JsonObject c = a.build();
    assertNull(c.getValue("id"));
    assertEquals(0, c.getJsonArray("choices").size());
    assertNull(a.usage());
  }
}
