package io.ghcapi.gateway.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ToolCallNormaliserTest {

  private final ToolCallNormaliser normaliser = new ToolCallNormaliser();

  private static JsonObject chunk(JsonObject delta) {
    return chunk(0, delta);
  }

  private static JsonObject chunk(int choiceIndex, JsonObject delta) {
    return new JsonObject().put("id", "c1").put("object", "chat.completion.chunk")
        .put("choices", new JsonArray().add(new JsonObject().put("index", choiceIndex).put("delta", delta)));
  }

  private static JsonObject call(Integer index, String id, String name, String arguments) {
    JsonObject call = new JsonObject();
    if (index != null) {
      call.put("index", index);
    }
    if (id != null) {
      call.put("id", id).put("type", "function");
    }
    JsonObject function = new JsonObject();
    if (name != null) {
      function.put("name", name);
    }
    if (arguments != null) {
      function.put("arguments", arguments);
    }
    return call.put("function", function);
  }

  private static JsonObject toolDelta(JsonObject... calls) {
    JsonArray list = new JsonArray();
    for (JsonObject c : calls) {
      list.add(c);
    }
    return new JsonObject().put("tool_calls", list);
  }

  private static JsonObject firstCall(JsonObject chunk) {
    return delta(chunk).getJsonArray("tool_calls").getJsonObject(0);
  }

  private static JsonObject delta(JsonObject chunk) {
    return chunk.getJsonArray("choices").getJsonObject(0).getJsonObject("delta");
  }

  @Test
  void sparseUpstreamIndexesAreRenumberedDensely() {
    JsonObject a = chunk(toolDelta(call(3, "call_a", "get_weather", "")));
    JsonObject aMore = chunk(toolDelta(call(3, null, null, "{\"city\":")));
    JsonObject b = chunk(toolDelta(call(7, "call_b", "get_time", "")));
    JsonObject aEnd = chunk(toolDelta(call(3, null, null, "\"Paris\"}")));
    JsonObject bMore = chunk(toolDelta(call(7, null, null, "{}")));
    assertTrue(normaliser.normalise(a));
    assertEquals(0, firstCall(a).getInteger("index"));
    normaliser.normalise(aMore);
    assertEquals(0, firstCall(aMore).getInteger("index"));
    assertTrue(normaliser.normalise(b));
    assertEquals(1, firstCall(b).getInteger("index"));
    normaliser.normalise(aEnd);
    assertEquals(0, firstCall(aEnd).getInteger("index"));
    normaliser.normalise(bMore);
    assertEquals(1, firstCall(bMore).getInteger("index"));
  }

  @Test
  void twoCallsInOneDeltaAreNumberedInOrder() {
    JsonObject both = chunk(toolDelta(call(5, "call_x", "x", "{}"), call(9, "call_y", "y", "{}")));
    normaliser.normalise(both);
    JsonArray calls = delta(both).getJsonArray("tool_calls");
    assertEquals(0, calls.getJsonObject(0).getInteger("index"));
    assertEquals(1, calls.getJsonObject(1).getInteger("index"));
  }

  @Test
  void newIdAtReusedIndexZeroBecomesANewCall() {
    JsonObject first = chunk(toolDelta(call(0, "call_1", "read", "{\"p\":1}")));
    JsonObject second = chunk(toolDelta(call(0, "call_2", "write", "")));
    JsonObject secondArgs = chunk(toolDelta(call(0, null, null, "{\"p\":2}")));
    JsonObject third = chunk(toolDelta(call(0, "call_3", "list", "{}")));
    normaliser.normalise(first);
    assertEquals(0, firstCall(first).getInteger("index"));
    assertTrue(normaliser.normalise(second));
    assertEquals(1, firstCall(second).getInteger("index"));
    assertTrue(normaliser.normalise(secondArgs));
    assertEquals(1, firstCall(secondArgs).getInteger("index"), "fragment without id continues the latest call at index 0");
    normaliser.normalise(third);
    assertEquals(2, firstCall(third).getInteger("index"));
  }

  @Test
  void repeatedSameIdContinuesTheCall() {
    JsonObject first = chunk(toolDelta(call(2, "call_1", "read", "")));
    JsonObject again = chunk(toolDelta(call(2, "call_1", null, "{}")));
    normaliser.normalise(first);
    normaliser.normalise(again);
    assertEquals(0, firstCall(again).getInteger("index"));
  }

  @Test
  void fragmentsWithoutIdOrIndexContinueTheLatestCall() {
    JsonObject first = chunk(toolDelta(call(4, "call_1", "read", "")));
    JsonObject noIndex = chunk(toolDelta(call(null, null, null, "{\"a\":1}")));
    normaliser.normalise(first);
    assertTrue(normaliser.normalise(noIndex));
    assertEquals(0, firstCall(noIndex).getInteger("index"));
  }

  @Test
  void contentNullIsAddedBesideToolCalls() {
    JsonObject c = chunk(toolDelta(call(0, "call_1", "f", "{}")));
    assertTrue(normaliser.normalise(c));
    assertTrue(delta(c).containsKey("content"));
    assertEquals(null, delta(c).getValue("content"));
  }

  @Test
  void existingContentIsKept() {
    JsonObject d = toolDelta(call(0, "call_1", "f", "{}")).put("content", "thinking aloud");
    JsonObject c = chunk(d);
    assertFalse(normaliser.normalise(c), "index 0 already dense, content and arguments present");
    assertEquals("thinking aloud", delta(c).getString("content"));
  }

  @Test
  void emptyArgumentsAddedWhenANameArrivesWithoutThem() {
    JsonObject c = chunk(toolDelta(call(0, "call_1", "get_weather", null)));
    assertTrue(normaliser.normalise(c));
    JsonObject function = firstCall(c).getJsonObject("function");
    assertEquals("get_weather", function.getString("name"));
    assertEquals("", function.getString("arguments"));
  }

  @Test
  void argumentsNotAddedToFragmentsWithoutAName() {
    normaliser.normalise(chunk(toolDelta(call(0, "call_1", "f", "{"))));
    JsonObject c = chunk(toolDelta(call(0, null, null, null)));
    normaliser.normalise(c);
    assertFalse(firstCall(c).getJsonObject("function").containsKey("arguments"));
  }

  @Test
  void chunksWithoutToolCallsAreUnchanged() {
    JsonObject text = chunk(new JsonObject().put("role", "assistant").put("content", "Hello"));
    JsonObject before = text.copy();
    assertFalse(normaliser.normalise(text));
    assertEquals(before, text);
    JsonObject usageOnly = new JsonObject().put("id", "c1").put("choices", new JsonArray())
        .put("usage", new JsonObject().put("prompt_tokens", 1));
    assertFalse(normaliser.normalise(usageOnly));
    assertFalse(normaliser.normalise(new JsonObject().put("id", "x")));
    JsonObject finish = new JsonObject().put("choices", new JsonArray()
        .add(new JsonObject().put("index", 0).put("delta", new JsonObject()).put("finish_reason", "stop")));
    JsonObject finishBefore = finish.copy();
    assertFalse(normaliser.normalise(finish));
    assertEquals(finishBefore, finish);
  }

  @Test
  void alreadyNormalChunksReportNoChange() {
    JsonObject d = new JsonObject().putNull("content").put("tool_calls", new JsonArray()
        .add(call(0, "call_1", "f", "")));
    assertFalse(normaliser.normalise(chunk(d)));
    JsonObject more = new JsonObject().putNull("content").put("tool_calls", new JsonArray()
        .add(call(0, null, null, "{}")));
    assertFalse(normaliser.normalise(chunk(more)));
  }

  @Test
  void choicesAreNumberedIndependently() {
    JsonObject c0 = chunk(0, toolDelta(call(3, "call_a", "f", "")));
    JsonObject c1 = chunk(1, toolDelta(call(8, "call_b", "g", "")));
    normaliser.normalise(c0);
    normaliser.normalise(c1);
    assertEquals(0, firstCall(c0).getInteger("index"));
    assertEquals(0, firstCall(c1).getInteger("index"));
  }
}
