package io.ghcapi.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
class MessagesTest {

  private static final JsonObject BASH_TOOL = new JsonObject()
      .put("name", "Bash")
      .put("description", "Run a command")
      .put("input_schema", new JsonObject().put("type", "object")
          .put("properties", new JsonObject().put("command", new JsonObject().put("type", "string")))
          .put("required", new JsonArray().add("command")));

  private SimulatorHarness sim;

  @BeforeEach
  void start(Vertx vertx) {
    sim = SimulatorHarness.start(vertx, new SimulatorOptions().setChunkCount(5));
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void requiresTheAnthropicVersionHeader() {
    HttpResponse<Buffer> response = sim.post("/v1/messages", request("hi"));

    assertEquals(400, response.statusCode());
    JsonObject body = response.bodyAsJsonObject();
    assertEquals("error", body.getString("type"));
    assertEquals("invalid_request_error", body.getJsonObject("error").getString("type"));
  }

  @Test
  void answersAMessage() {
    HttpResponse<Buffer> response = sim.postMessages(request("hello claude"));

    assertEquals(200, response.statusCode());
    JsonObject body = response.bodyAsJsonObject();
    assertTrue(body.getString("id").startsWith("msg_sim_"));
    assertEquals("message", body.getString("type"));
    assertEquals("assistant", body.getString("role"));
    assertEquals("claude-sonnet-4.5", body.getString("model"));
    assertEquals("end_turn", body.getString("stop_reason"));
    assertTrue(body.containsKey("stop_sequence") && body.getValue("stop_sequence") == null);
    JsonObject block = body.getJsonArray("content").getJsonObject(0);
    assertEquals("text", block.getString("type"));
    assertEquals("Simulated reply from claude-sonnet-4.5: hello claude", block.getString("text"));
    JsonObject usage = body.getJsonObject("usage");
    assertTrue(usage.getInteger("input_tokens") > 0 && usage.getInteger("output_tokens") > 0);
    assertEquals(0, usage.getInteger("cache_creation_input_tokens"));
    assertEquals(0, usage.getInteger("cache_read_input_tokens"));
  }

  @Test
  void streamsTheExactGrammarWithEventLines() {
    HttpResponse<Buffer> response = sim.postMessages(request("stream it").put("stream", true));

    assertEquals("text/event-stream", response.getHeader("Content-Type"));
    SseEvents sse = SseEvents.parse(response.bodyAsString());
    assertEquals(List.of("message_start", "content_block_start", "ping", "content_block_delta", "content_block_delta",
        "content_block_delta", "content_block_delta", "content_block_delta", "content_block_stop", "message_delta",
        "message_stop"), sse.names());
    for (SseEvents.Event event : sse.events()) {
      assertEquals(event.name(), event.json().getString("type"), "event line matches data type");
    }
    JsonObject start = sse.ofType("message_start").get(0).getJsonObject("message");
    assertEquals(new JsonArray(), start.getJsonArray("content"));
    assertEquals(1, start.getJsonObject("usage").getInteger("output_tokens"));
    assertTrue(start.getJsonObject("usage").getInteger("input_tokens") > 0);
    StringBuilder text = new StringBuilder();
    sse.ofType("content_block_delta").forEach(delta -> {
      assertEquals("text_delta", delta.getJsonObject("delta").getString("type"));
      text.append(delta.getJsonObject("delta").getString("text"));
    });
    assertEquals("Simulated reply from claude-sonnet-4.5: stream it", text.toString());
    JsonObject messageDelta = sse.ofType("message_delta").get(0);
    assertEquals("end_turn", messageDelta.getJsonObject("delta").getString("stop_reason"));
    assertTrue(messageDelta.getJsonObject("usage").getInteger("output_tokens") > 1);
    assertTrue(response.bodyAsString().indexOf("[DONE]") < 0, "an Anthropic stream has no [DONE]");
  }

  @Test
  void thinkingComesFirstWithASignature() {
    JsonObject request = request("think first").put("thinking", new JsonObject().put("type", "enabled").put("budget_tokens", 2048));

    JsonArray content = sim.postMessages(request).bodyAsJsonObject().getJsonArray("content");
    assertEquals("thinking", content.getJsonObject(0).getString("type"));
    assertEquals("Simulated thinking.", content.getJsonObject(0).getString("thinking"));
    assertTrue(content.getJsonObject(0).getString("signature").length() > 10);
    assertEquals("text", content.getJsonObject(1).getString("type"));

    SseEvents sse = SseEvents.parse(sim.postMessages(request.copy().put("thinking", new JsonObject().put("type", "adaptive"))
        .put("stream", true)).bodyAsString());
    JsonObject firstBlock = sse.ofType("content_block_start").get(0);
    assertEquals(0, firstBlock.getInteger("index"));
    assertEquals("thinking", firstBlock.getJsonObject("content_block").getString("type"));
    List<JsonObject> deltas = sse.ofType("content_block_delta");
    assertEquals("thinking_delta", deltas.get(0).getJsonObject("delta").getString("type"));
    assertEquals("signature_delta", deltas.get(1).getJsonObject("delta").getString("type"));
    assertEquals(1, sse.ofType("content_block_start").get(1).getInteger("index"));
    assertEquals(2, sse.ofType("content_block_stop").size());
  }

  @Test
  void callsAToolAndStreamsItsInput() {
    JsonObject request = request("run something").put("tools", new JsonArray()
        .add(new JsonObject().put("type", "web_search_20250305").put("name", "web_search"))
        .add(BASH_TOOL));

    JsonObject body = sim.postMessages(request).bodyAsJsonObject();
    assertEquals("tool_use", body.getString("stop_reason"));
    JsonObject toolUse = body.getJsonArray("content").getJsonObject(0);
    assertEquals("tool_use", toolUse.getString("type"));
    assertTrue(toolUse.getString("id").startsWith("toolu_sim_"));
    assertEquals("Bash", toolUse.getString("name"));
    assertEquals(new JsonObject().put("command", "sim"), toolUse.getJsonObject("input"));

    SseEvents sse = SseEvents.parse(sim.postMessages(request.put("stream", true)).bodyAsString());
    JsonObject block = sse.ofType("content_block_start").get(0).getJsonObject("content_block");
    assertEquals("tool_use", block.getString("type"));
    assertEquals(new JsonObject(), block.getJsonObject("input"));
    List<JsonObject> deltas = sse.ofType("content_block_delta");
    assertEquals(2, deltas.size());
    StringBuilder json = new StringBuilder();
    deltas.forEach(delta -> {
      assertEquals("input_json_delta", delta.getJsonObject("delta").getString("type"));
      json.append(delta.getJsonObject("delta").getString("partial_json"));
    });
    assertEquals(new JsonObject().put("command", "sim"), new JsonObject(json.toString()));
    assertEquals("tool_use", sse.ofType("message_delta").get(0).getJsonObject("delta").getString("stop_reason"));
  }

  @Test
  void acknowledgesAToolResultEvenAfterATrailingSystemMessage() {
    JsonArray messages = new JsonArray()
        .add(new JsonObject().put("role", "user").put("content", "run it"))
        .add(new JsonObject().put("role", "assistant").put("content", new JsonArray().add(new JsonObject()
            .put("type", "tool_use").put("id", "toolu_1").put("name", "Bash").put("input", new JsonObject()))))
        .add(new JsonObject().put("role", "user").put("content", new JsonArray().add(new JsonObject()
            .put("type", "tool_result").put("tool_use_id", "toolu_1").put("content", "ACCEPT_OK"))))
        .add(new JsonObject().put("role", "system").put("content", "reminder"));
    JsonObject request = new JsonObject().put("model", "claude-haiku-4.5").put("max_tokens", 64).put("messages", messages)
        .put("tools", new JsonArray().add(BASH_TOOL));

    JsonObject body = sim.postMessages(request).bodyAsJsonObject();

    assertEquals("end_turn", body.getString("stop_reason"));
    assertEquals("Tool result received: ACCEPT_OK", body.getJsonArray("content").getJsonObject(0).getString("text"));
  }

  @Test
  void imagesNeedTheVisionHeader() {
    JsonObject image = new JsonObject().put("type", "image").put("source", new JsonObject()
        .put("type", "base64").put("media_type", "image/png").put("data", "iVBORw0KGgo="));
    JsonObject request = new JsonObject().put("model", "claude-opus-4.5").put("max_tokens", 64)
        .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", new JsonArray()
            .add(image).add(new JsonObject().put("type", "text").put("text", "describe")))));

    HttpResponse<Buffer> without = sim.postMessages(request);
    assertEquals(400, without.statusCode());
    assertEquals(new JsonObject().put("type", "error").put("error", new JsonObject()
            .put("type", "invalid_request_error")
            .put("message", "missing required Copilot-Vision-Request header for vision requests")),
        without.bodyAsJsonObject());
    HttpResponse<Buffer> with = sim.copilot(HttpMethod.POST, "/v1/messages").putHeader("anthropic-version", "2023-06-01")
        .putHeader("Copilot-Vision-Request", "true").sendJsonObject(request).await();
    assertEquals(200, with.statusCode());
  }

  @Test
  void errorsUseTheAnthropicShape() {
    sim.simulator.faults().inject(Fault.unauthorized(1));

    HttpResponse<Buffer> response = sim.postMessages(request("hi"));

    assertEquals(401, response.statusCode());
    assertEquals(new JsonObject().put("type", "error").put("error", new JsonObject()
            .put("type", "authentication_error").put("message", "unauthorized: token expired or invalid")),
        response.bodyAsJsonObject());
    JsonObject unknownModel = sim.postMessages(request("hi").put("model", "claude-9")).bodyAsJsonObject();
    assertEquals("error", unknownModel.getString("type"));
    assertEquals("The requested model is not supported.", unknownModel.getJsonObject("error").getString("message"));
  }

  private static JsonObject request(String text) {
    return new JsonObject().put("model", "claude-sonnet-4.5").put("max_tokens", 1024)
        .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", text)));
  }
}
