package io.ghcapi.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
class ResponsesTest {

  private static final JsonObject SHELL_TOOL = new JsonObject()
      .put("type", "function")
      .put("name", "exec_command")
      .put("parameters", new JsonObject().put("type", "object")
          .put("properties", new JsonObject().put("cmd", new JsonObject().put("type", "string")))
          .put("required", new JsonArray().add("cmd")));

  private SimulatorHarness sim;

  @BeforeEach
  void start(Vertx vertx) {
    sim = SimulatorHarness.start(vertx, new SimulatorOptions().setChunkCount(3));
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void answersTextAsACompletedResponse() {
    HttpResponse<Buffer> response = sim.post("/responses", new JsonObject().put("model", "gpt-5-mini")
        .put("input", new JsonArray().add(userMessage("developer", "rules")).add(userMessage("user", "say hi"))));

    assertEquals(200, response.statusCode());
    JsonObject body = response.bodyAsJsonObject();
    assertTrue(body.getString("id").startsWith("resp_sim_"));
    assertEquals("response", body.getString("object"));
    assertEquals("completed", body.getString("status"));
    assertEquals("gpt-5-mini", body.getString("model"));
    assertFalse(body.containsKey("output_text"));
    JsonArray output = body.getJsonArray("output");
    assertEquals(1, output.size());
    JsonObject message = output.getJsonObject(0);
    assertEquals("message", message.getString("type"));
    assertEquals("assistant", message.getString("role"));
    assertEquals("Simulated reply from gpt-5-mini: say hi",
        message.getJsonArray("content").getJsonObject(0).getString("text"));
    JsonObject usage = body.getJsonObject("usage");
    assertEquals(0, usage.getJsonObject("input_tokens_details").getInteger("cached_tokens"));
    assertEquals(0, usage.getJsonObject("output_tokens_details").getInteger("reasoning_tokens"));
    assertEquals(usage.getInteger("input_tokens") + usage.getInteger("output_tokens"), usage.getInteger("total_tokens"));
  }

  @Test
  void acceptsAPlainStringInputOnTheV1Path() {
    JsonObject body = sim.post("/v1/responses", new JsonObject().put("model", "gpt-5-codex").put("input", "hello"))
        .bodyAsJsonObject();

    assertEquals("Simulated reply from gpt-5-codex: hello",
        body.getJsonArray("output").getJsonObject(0).getJsonArray("content").getJsonObject(0).getString("text"));
    assertEquals(1, sim.simulator.stats().requests("/v1/responses"));
  }

  @Test
  void streamsTheRealEventGrammar() {
    HttpResponse<Buffer> response = sim.post("/v1/responses", new JsonObject().put("model", "gpt-5-codex")
        .put("stream", true).put("input", new JsonArray().add(userMessage("user", "stream please"))));

    assertEquals("text/event-stream", response.getHeader("Content-Type"));
    SseEvents sse = SseEvents.parse(response.bodyAsString());
    assertEquals(List.of("response.created", "response.in_progress", "response.output_item.added",
        "response.content_part.added", "response.output_text.delta", "response.output_text.delta",
        "response.output_text.delta", "response.output_text.done", "response.content_part.done",
        "response.output_item.done", "response.completed"), sse.names());
    List<JsonObject> data = sse.jsonData();
    for (int i = 0; i < data.size(); i++) {
      assertEquals(sse.names().get(i), data.get(i).getString("type"));
      assertEquals(i, data.get(i).getInteger("sequence_number"));
    }
    StringBuilder text = new StringBuilder();
    sse.ofType("response.output_text.delta").forEach(delta -> text.append(delta.getString("delta")));
    assertEquals("Simulated reply from gpt-5-codex: stream please", text.toString());
    assertEquals(text.toString(), sse.ofType("response.output_text.done").get(0).getString("text"));
    JsonObject completed = sse.ofType("response.completed").get(0).getJsonObject("response");
    assertEquals("completed", completed.getString("status"));
    assertNotNull(completed.getJsonObject("usage"));
    assertEquals("in_progress", data.get(0).getJsonObject("response").getString("status"));
  }

  @Test
  void streamsAFunctionCall() {
    JsonObject request = new JsonObject().put("model", "gpt-5-codex").put("stream", true)
        .put("tools", new JsonArray().add(new JsonObject().put("type", "web_search")).add(SHELL_TOOL))
        .put("input", new JsonArray().add(userMessage("user", "list files")));

    SseEvents sse = SseEvents.parse(sim.post("/v1/responses", request).bodyAsString());

    assertEquals(List.of("response.created", "response.in_progress", "response.output_item.added",
        "response.function_call_arguments.delta", "response.function_call_arguments.delta",
        "response.function_call_arguments.done", "response.output_item.done", "response.completed"), sse.names());
    JsonObject added = sse.ofType("response.output_item.added").get(0).getJsonObject("item");
    assertEquals("function_call", added.getString("type"));
    assertEquals("exec_command", added.getString("name"));
    assertTrue(added.getString("call_id").startsWith("call_sim_"));
    StringBuilder arguments = new StringBuilder();
    sse.ofType("response.function_call_arguments.delta").forEach(delta -> arguments.append(delta.getString("delta")));
    assertEquals(new JsonObject().put("cmd", "sim"), new JsonObject(arguments.toString()));
    JsonObject done = sse.ofType("response.output_item.done").get(0).getJsonObject("item");
    assertEquals(added.getString("call_id"), done.getString("call_id"));
    assertEquals(arguments.toString(), done.getString("arguments"));
    assertEquals("completed", done.getString("status"));
  }

  @Test
  void acknowledgesAFunctionCallOutput() {
    JsonObject request = new JsonObject().put("model", "gpt-5-codex").put("tools", new JsonArray().add(SHELL_TOOL))
        .put("input", new JsonArray()
            .add(userMessage("user", "list files"))
            .add(new JsonObject().put("type", "function_call").put("call_id", "call_1").put("name", "exec_command")
                .put("arguments", "{\"cmd\":\"ls\"}"))
            .add(new JsonObject().put("type", "function_call_output").put("call_id", "call_1").put("output", "a.txt")));

    JsonObject item = sim.post("/v1/responses", request).bodyAsJsonObject().getJsonArray("output").getJsonObject(0);

    assertEquals("message", item.getString("type"));
    assertEquals("Tool result received: a.txt", item.getJsonArray("content").getJsonObject(0).getString("text"));
  }

  @Test
  void reasoningComesFirstWithEncryptedContentWhenIncluded() {
    JsonObject request = new JsonObject().put("model", "gpt-5").put("stream", true)
        .put("reasoning", new JsonObject().put("effort", "medium").put("summary", "auto"))
        .put("include", new JsonArray().add("reasoning.encrypted_content"))
        .put("input", new JsonArray().add(userMessage("user", "think")));

    SseEvents sse = SseEvents.parse(sim.post("/responses", request).bodyAsString());

    JsonObject firstItem = sse.ofType("response.output_item.added").get(0);
    assertEquals(0, firstItem.getInteger("output_index"));
    assertEquals("reasoning", firstItem.getJsonObject("item").getString("type"));
    assertEquals(1, sse.ofType("response.output_item.added").get(1).getInteger("output_index"));
    assertFalse(sse.ofType("response.reasoning_summary_text.delta").isEmpty());
    JsonArray output = sse.ofType("response.completed").get(0).getJsonObject("response").getJsonArray("output");
    JsonObject reasoning = output.getJsonObject(0);
    assertEquals("reasoning", reasoning.getString("type"));
    assertTrue(reasoning.getString("encrypted_content").length() > 10);
    assertEquals("summary_text", reasoning.getJsonArray("summary").getJsonObject(0).getString("type"));
    assertEquals("message", output.getJsonObject(1).getString("type"));

    JsonObject withoutInclude = request.copy().put("stream", false);
    withoutInclude.remove("include");
    JsonObject plainReasoning = sim.post("/responses", withoutInclude).bodyAsJsonObject()
        .getJsonArray("output").getJsonObject(0);
    assertEquals("reasoning", plainReasoning.getString("type"));
    assertNull(plainReasoning.getString("encrypted_content"));
  }

  @Test
  void imagesNeedTheVisionHeader() {
    JsonObject request = new JsonObject().put("model", "gpt-5").put("input", new JsonArray()
        .add(new JsonObject().put("type", "message").put("role", "user").put("content", new JsonArray()
            .add(new JsonObject().put("type", "input_text").put("text", "what is it?"))
            .add(new JsonObject().put("type", "input_image").put("image_url", "data:image/png;base64,AAAA")))));

    HttpResponse<Buffer> without = sim.post("/responses", request);
    assertEquals(400, without.statusCode());
    assertEquals("missing_vision_header", without.bodyAsJsonObject().getJsonObject("error").getString("code"));
    assertEquals(200, sim.copilot(HttpMethod.POST, "/responses").putHeader("Copilot-Vision-Request", "true")
        .sendJsonObject(request).await().statusCode());
  }

  private static JsonObject userMessage(String role, String text) {
    return new JsonObject().put("type", "message").put("role", role)
        .put("content", new JsonArray().add(new JsonObject().put("type", "input_text").put("text", text)));
  }
}
