package io.ghcapi.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ChatCompletionsTest {

  static final JsonObject WEATHER_TOOL = new JsonObject().put("type", "function").put("function", new JsonObject()
      .put("name", "get_weather")
      .put("parameters", new JsonObject()
          .put("type", "object")
          .put("properties", new JsonObject()
              .put("location", new JsonObject().put("type", "string"))
              .put("days", new JsonObject().put("type", "integer"))
              .put("metric", new JsonObject().put("type", "boolean"))
              .put("optional", new JsonObject().put("type", "string")))
          .put("required", new JsonArray().add("location").add("days").add("metric"))));

  private SimulatorHarness sim;

  @BeforeEach
  void start(Vertx vertx) {
    sim = SimulatorHarness.start(vertx, new SimulatorOptions().setChunkCount(4));
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void answersTextQuotingTheLastUserMessage() {
    HttpResponse<Buffer> response = sim.post("/chat/completions", request("gpt-4.1",
        message("system", "be brief"), message("user", "first"), message("assistant", "ok"), message("user", "hello there")));

    assertEquals(200, response.statusCode());
    assertEquals("application/json", response.getHeader("Content-Type"));
    JsonObject body = response.bodyAsJsonObject();
    assertEquals("chat.completion", body.getString("object"));
    assertEquals("gpt-4.1", body.getString("model"));
    JsonObject choice = body.getJsonArray("choices").getJsonObject(0);
    assertEquals("stop", choice.getString("finish_reason"));
    assertTrue(choice.containsKey("logprobs") && choice.getValue("logprobs") == null);
    JsonObject message = choice.getJsonObject("message");
    assertEquals("assistant", message.getString("role"));
    assertEquals("Simulated reply from gpt-4.1: hello there", message.getString("content"));
    assertTrue(message.containsKey("refusal") && message.getValue("refusal") == null);
    JsonObject usage = body.getJsonObject("usage");
    assertTrue(usage.getInteger("prompt_tokens") > 0);
    assertEquals(usage.getInteger("prompt_tokens") + usage.getInteger("completion_tokens"), usage.getInteger("total_tokens"));
    assertEquals(0, usage.getJsonObject("prompt_tokens_details").getInteger("cached_tokens"));
    assertEquals(0, usage.getJsonObject("completion_tokens_details").getInteger("reasoning_tokens"));
    assertTrue(body.getString("system_fingerprint") != null);
  }

  @Test
  void quotesAtMost200CharactersOfTheUserMessage() {
    String longText = "x".repeat(500);
    String content = sim.post("/chat/completions", request("gpt-4o", message("user", longText)))
        .bodyAsJsonObject().getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content");

    assertEquals("Simulated reply from gpt-4o: " + "x".repeat(200), content);
  }

  @Test
  void streamsTheTextInChunkCountDeltasWithUsageAndDone() {
    HttpResponse<Buffer> response = sim.post("/chat/completions", request("claude-sonnet-4.5", message("user", "stream me"))
        .put("stream", true));

    assertEquals(200, response.statusCode());
    assertEquals("text/event-stream", response.getHeader("Content-Type"));
    SseEvents sse = SseEvents.parse(response.bodyAsString());
    assertEquals("[DONE]", sse.last().data());
    List<JsonObject> chunks = sse.jsonData();
    assertEquals(1 + 4 + 1, chunks.size(), "role chunk, 4 content deltas, finish chunk");
    assertEquals(new JsonObject().put("role", "assistant").put("content", ""), delta(chunks.get(0)));
    StringBuilder text = new StringBuilder();
    for (JsonObject chunk : chunks.subList(1, 5)) {
      assertEquals("chat.completion.chunk", chunk.getString("object"));
      text.append(delta(chunk).getString("content"));
    }
    assertEquals("Simulated reply from claude-sonnet-4.5: stream me", text.toString());
    JsonObject finish = chunks.get(5);
    assertEquals("stop", finish.getJsonArray("choices").getJsonObject(0).getString("finish_reason"));
    assertEquals(new JsonObject(), delta(finish));
    assertTrue(finish.getJsonObject("usage").getInteger("completion_tokens") > 0);
    assertEquals(1, sim.simulator.stats().streamsStarted());
    assertEquals(1, sim.simulator.stats().streamsCompleted());
  }

  @Test
  void addsAUsageOnlyChunkWhenAskedTo() {
    SseEvents sse = SseEvents.parse(sim.post("/chat/completions", request("gpt-4.1", message("user", "hi"))
        .put("stream", true).put("stream_options", new JsonObject().put("include_usage", true))).bodyAsString());

    List<JsonObject> chunks = sse.jsonData();
    JsonObject usageChunk = chunks.get(chunks.size() - 1);
    assertEquals(new JsonArray(), usageChunk.getJsonArray("choices"));
    assertTrue(usageChunk.getJsonObject("usage").getInteger("total_tokens") > 0);
    assertEquals("[DONE]", sse.last().data());
  }

  @Test
  void answersInTextWhenSeveralToolsAreOfferedAndNoneIsNamed() {
    JsonObject body = request("gpt-4.1", message("user", "say hi"))
        .put("tools", new JsonArray().add(WEATHER_TOOL).add(otherTool()));

    JsonObject choice = sim.post("/chat/completions", body).bodyAsJsonObject().getJsonArray("choices").getJsonObject(0);

    assertEquals("stop", choice.getString("finish_reason"));
  }

  @Test
  void callsTheToolTheUserNamesWithItsRequiredArguments() {
    JsonObject body = request("gpt-4.1", message("user", "use get_weather for Paris"))
        .put("tools", new JsonArray().add(WEATHER_TOOL).add(otherTool()));

    JsonObject choice = sim.post("/chat/completions", body).bodyAsJsonObject().getJsonArray("choices").getJsonObject(0);

    assertEquals("tool_calls", choice.getString("finish_reason"));
    JsonObject message = choice.getJsonObject("message");
    assertTrue(message.containsKey("content") && message.getValue("content") == null);
    JsonObject call = message.getJsonArray("tool_calls").getJsonObject(0);
    assertTrue(call.getString("id").startsWith("call_sim_"), call.encode());
    assertEquals("function", call.getString("type"));
    assertEquals("get_weather", call.getJsonObject("function").getString("name"));
    assertEquals(new JsonObject().put("location", "sim").put("days", 1).put("metric", true),
        new JsonObject(call.getJsonObject("function").getString("arguments")));
  }

  @Test
  void streamsAToolCallWhoseArgumentsReassembleToJson() {
    JsonObject body = request("gpt-4.1", message("user", "weather?"))
        .put("tools", new JsonArray().add(WEATHER_TOOL)).put("stream", true);

    List<JsonObject> chunks = SseEvents.parse(sim.post("/chat/completions", body).bodyAsString()).jsonData();

    JsonObject first = delta(chunks.get(1)).getJsonArray("tool_calls").getJsonObject(0);
    assertEquals(0, first.getInteger("index"));
    assertTrue(first.getString("id").startsWith("call_sim_"));
    assertEquals("function", first.getString("type"));
    assertEquals("get_weather", first.getJsonObject("function").getString("name"));
    assertEquals("", first.getJsonObject("function").getString("arguments"));
    StringBuilder arguments = new StringBuilder();
    for (JsonObject chunk : chunks.subList(2, 4)) {
      JsonObject fragment = delta(chunk).getJsonArray("tool_calls").getJsonObject(0);
      assertEquals(0, fragment.getInteger("index"));
      assertNull(fragment.getString("id"));
      arguments.append(fragment.getJsonObject("function").getString("arguments"));
    }
    assertEquals(new JsonObject().put("location", "sim").put("days", 1).put("metric", true),
        new JsonObject(arguments.toString()));
    assertEquals("tool_calls", chunks.get(4).getJsonArray("choices").getJsonObject(0).getString("finish_reason"));
  }

  @Test
  void acknowledgesAToolResult() {
    JsonObject assistant = new JsonObject().put("role", "assistant").putNull("content")
        .put("tool_calls", new JsonArray().add(new JsonObject().put("id", "call_1").put("type", "function")
            .put("function", new JsonObject().put("name", "get_weather").put("arguments", "{}"))));
    JsonObject body = request("gpt-4.1", message("user", "weather?"), assistant,
        new JsonObject().put("role", "tool").put("tool_call_id", "call_1").put("content", "sunny, 21C"))
        .put("tools", new JsonArray().add(WEATHER_TOOL));

    JsonObject choice = sim.post("/chat/completions", body).bodyAsJsonObject().getJsonArray("choices").getJsonObject(0);

    assertEquals("stop", choice.getString("finish_reason"));
    assertEquals("Tool result received: sunny, 21C", choice.getJsonObject("message").getString("content"));
  }

  @Test
  void rejectsMaxTokensForReasoningModels() {
    HttpResponse<Buffer> response = sim.post("/chat/completions", request("gpt-5", message("user", "hi")).put("max_tokens", 50));

    assertEquals(400, response.statusCode());
    assertEquals(new JsonObject().put("error", new JsonObject()
            .put("message", "Unsupported parameter: 'max_tokens' is not supported with this model. "
                + "Use 'max_completion_tokens' instead.")
            .put("type", "invalid_request_error")
            .put("code", "unsupported_parameter")
            .put("param", "max_tokens")),
        response.bodyAsJsonObject());
    assertEquals(200, sim.post("/chat/completions", request("gpt-5", message("user", "hi"))
        .put("max_completion_tokens", 50)).statusCode());
    assertEquals(200, sim.post("/chat/completions", request("gpt-4.1", message("user", "hi"))
        .put("max_tokens", 50)).statusCode());
  }

  @Test
  void imagesNeedTheVisionHeader() {
    JsonObject image = new JsonObject().put("role", "user").put("content", new JsonArray()
        .add(new JsonObject().put("type", "text").put("text", "what is this?"))
        .add(new JsonObject().put("type", "image_url")
            .put("image_url", new JsonObject().put("url", "data:image/png;base64,iVBORw0KGgo="))));
    JsonObject body = request("gpt-4o", image);

    HttpResponse<Buffer> without = sim.post("/chat/completions", body);
    assertEquals(400, without.statusCode());
    assertEquals(new JsonObject().put("error", new JsonObject()
            .put("message", "missing required Copilot-Vision-Request header for vision requests")
            .put("type", "invalid_request_error")
            .put("code", "missing_vision_header")),
        without.bodyAsJsonObject());

    HttpResponse<Buffer> with = sim.copilot(HttpMethod.POST, "/chat/completions")
        .putHeader("Copilot-Vision-Request", "true").sendJsonObject(body).await();
    assertEquals(200, with.statusCode());
    assertEquals("Simulated reply from gpt-4o: what is this?",
        with.bodyAsJsonObject().getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content"));
  }

  static JsonObject request(String model, JsonObject... messages) {
    JsonArray list = new JsonArray();
    for (JsonObject message : messages) {
      list.add(message);
    }
    return new JsonObject().put("model", model).put("messages", list);
  }

  static JsonObject message(String role, String content) {
    return new JsonObject().put("role", role).put("content", content);
  }

  private static JsonObject otherTool() {
    return new JsonObject().put("type", "function").put("function", new JsonObject().put("name", "other")
        .put("parameters", new JsonObject().put("type", "object")));
  }

  private static JsonObject delta(JsonObject chunk) {
    return chunk.getJsonArray("choices").getJsonObject(0).getJsonObject("delta");
  }
}
