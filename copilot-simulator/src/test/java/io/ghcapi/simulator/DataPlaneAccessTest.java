package io.ghcapi.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class DataPlaneAccessTest {

  private static final JsonObject INVALID_TOKEN = new JsonObject().put("error", new JsonObject()
      .put("message", "unauthorized: token expired or invalid")
      .put("type", "authentication_error")
      .put("code", "invalid_token"));

  private SimulatorHarness sim;

  @BeforeEach
  void start(Vertx vertx) {
    sim = SimulatorHarness.start(vertx);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void requestsWithoutATokenAreUnauthorized() {
    HttpResponse<Buffer> response = sim.client.get("/models").putHeader("Editor-Version", "vscode/1").send().await();

    assertEquals(401, response.statusCode());
    assertEquals(INVALID_TOKEN, response.bodyAsJsonObject());
  }

  @Test
  void tokensThatWereNeverIssuedAreUnauthorized() {
    HttpResponse<Buffer> response = sim.client.get("/models")
        .putHeader("Authorization", "Bearer tid=made-up")
        .putHeader("Editor-Version", "vscode/1")
        .send().await();

    assertEquals(401, response.statusCode());
  }

  @Test
  void expiredTokensAreUnauthorizedUntilANewOneIsFetched() {
    String token = sim.copilotToken();
    assertEquals(200, sim.copilot(HttpMethod.GET, "/models").send().await().statusCode());

    assertEquals(1, sim.simulator.expireIssuedTokens());
    HttpResponse<Buffer> expired = sim.client.get("/models")
        .putHeader("Authorization", "Bearer " + token)
        .putHeader("Editor-Version", "vscode/1")
        .send().await();
    assertEquals(401, expired.statusCode());
    assertEquals(INVALID_TOKEN, expired.bodyAsJsonObject());

    String fresh = sim.exchangeToken("ghu_again").bodyAsJsonObject().getString("token");
    HttpResponse<Buffer> renewed = sim.client.get("/models")
        .putHeader("Authorization", "Bearer " + fresh)
        .putHeader("Editor-Version", "vscode/1")
        .send().await();
    assertEquals(200, renewed.statusCode());
  }

  @Test
  void requestsWithoutEditorVersionAreRejected() {
    HttpResponse<Buffer> response = sim.client.get("/models")
        .putHeader("Authorization", "Bearer " + sim.copilotToken())
        .send().await();

    assertEquals(400, response.statusCode());
    assertEquals("missing_editor_version", response.bodyAsJsonObject().getJsonObject("error").getString("code"));
  }

  @Test
  void modelListDescribesEachModelLikeCopilot() {
    HttpResponse<Buffer> response = sim.copilot(HttpMethod.GET, "/models").send().await();

    assertEquals(200, response.statusCode());
    JsonObject body = response.bodyAsJsonObject();
    assertEquals("list", body.getString("object"));
    Map<String, JsonObject> models = new HashMap<>();
    body.getJsonArray("data").forEach(entry -> models.put(((JsonObject) entry).getString("id"), (JsonObject) entry));
    assertTrue(models.keySet().containsAll(java.util.List.of("claude-sonnet-4.5", "claude-opus-4.5", "claude-haiku-4.5",
        "claude-sonnet-4", "gpt-4.1", "gpt-4o", "gpt-5", "gpt-5-mini", "gpt-5-codex", "gpt-5.1-codex", "gemini-2.5-pro",
        "text-embedding-3-small")), models.keySet().toString());

    JsonObject sonnet = models.get("claude-sonnet-4.5");
    assertEquals("model", sonnet.getString("object"));
    assertEquals("Anthropic", sonnet.getString("vendor"));
    assertFalse(sonnet.getBoolean("preview"));
    assertEquals(new JsonArray().add("/chat/completions").add("/v1/messages"), sonnet.getJsonArray("supported_endpoints"));
    JsonObject capabilities = sonnet.getJsonObject("capabilities");
    assertEquals("chat", capabilities.getString("type"));
    assertEquals("o200k_base", capabilities.getString("tokenizer"));
    assertEquals(200_000, capabilities.getJsonObject("limits").getInteger("max_context_window_tokens"));
    assertTrue(capabilities.getJsonObject("supports").getBoolean("vision"));

    assertEquals(new JsonArray().add("/responses"), models.get("gpt-5-codex").getJsonArray("supported_endpoints"));
    assertEquals(new JsonArray().add("low").add("medium").add("high"),
        models.get("gpt-5").getJsonObject("capabilities").getJsonObject("supports").getJsonArray("reasoning_effort"));
    JsonObject embedding = models.get("text-embedding-3-small").getJsonObject("capabilities");
    assertEquals("embeddings", embedding.getString("type"));
    assertNull(embedding.getJsonObject("limits").getValue("max_output_tokens"));
  }

  @Test
  void unknownModelsAreNotSupported() {
    HttpResponse<Buffer> response = sim.post("/chat/completions", chat("gpt-9000"));

    assertEquals(400, response.statusCode());
    assertEquals(new JsonObject().put("error", new JsonObject()
            .put("message", "The requested model is not supported.")
            .put("type", "invalid_request_error")
            .put("code", "model_not_supported")
            .put("param", "model")),
        response.bodyAsJsonObject());
  }

  @Test
  void modelsAreOnlyServedOnTheEndpointsTheyList() {
    assertUnsupportedApi(sim.post("/chat/completions", chat("gpt-5-codex")));
    assertUnsupportedApi(sim.postMessages(chat("gpt-4.1").put("max_tokens", 10)));
    assertUnsupportedApi(sim.post("/responses", new JsonObject().put("model", "claude-sonnet-4.5").put("input", "hi")));
    assertUnsupportedApi(sim.post("/embeddings", new JsonObject().put("model", "gpt-4.1").put("input", "hi")));
  }

  @Test
  void malformedJsonIsRejectedWithAnOpenAiError() {
    HttpResponse<Buffer> response = sim.copilot(HttpMethod.POST, "/chat/completions")
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer("{\"model\": ")).await();

    assertEquals(400, response.statusCode());
    JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
    assertEquals("invalid_request_error", error.getString("type"));
    assertEquals("invalid_json", error.getString("code"));
  }

  @Test
  void unknownRoutesAnswer404Json() {
    HttpResponse<Buffer> response = sim.client.get("/no/such/thing").send().await();

    assertEquals(404, response.statusCode());
    assertEquals("not_found", response.bodyAsJsonObject().getJsonObject("error").getString("code"));
  }

  private static void assertUnsupportedApi(HttpResponse<Buffer> response) {
    assertEquals(400, response.statusCode(), response.bodyAsString());
    String body = response.bodyAsString();
    assertTrue(body.contains("unsupported_api_for_model") || body.contains("is not accessible via"), body);
  }

  static JsonObject chat(String model) {
    return new JsonObject().put("model", model)
        .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", "hi")));
  }
}
