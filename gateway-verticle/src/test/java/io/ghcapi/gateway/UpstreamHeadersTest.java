package io.ghcapi.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.simulator.RecordedRequest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What Copilot receives: its identity headers, billing and vision headers, and the body. */
@ExtendWith(VertxExtension.class)
class UpstreamHeadersTest {

  private GatewayFixture fixture;

  @BeforeEach
  void start(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).start();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void textTypedByAPersonIsBilledAsUser() {
    send(messages(user("hello")));
    assertEquals("user", lastChat().header("x-initiator"));
  }

  @Test
  void aToolResultIsTheAgentsOwnTurn() {
    JsonObject assistant = new JsonObject().put("role", "assistant").putNull("content").put("tool_calls", new JsonArray()
        .add(new JsonObject().put("id", "call_1").put("type", "function")
            .put("function", new JsonObject().put("name", "get_weather").put("arguments", "{}"))));
    JsonObject toolResult = new JsonObject().put("role", "tool").put("tool_call_id", "call_1").put("content", "sunny");
    send(messages(user("weather?"), assistant, toolResult));
    assertEquals("agent", lastChat().header("x-initiator"));
  }

  @Test
  void anAssistantContinuationIsTheAgentsTurn() {
    send(messages(user("start"), new JsonObject().put("role", "assistant").put("content", "partial")));
    assertEquals("agent", lastChat().header("x-initiator"));
  }

  @Test
  void visionHeaderOnlyWhenThereIsAnImage() {
    send(messages(user("no image")));
    assertNull(lastChat().header("copilot-vision-request"));

    JsonObject withImage = new JsonObject().put("role", "user").put("content", new JsonArray()
        .add(new JsonObject().put("type", "text").put("text", "what is this?"))
        .add(new JsonObject().put("type", "image_url")
            .put("image_url", new JsonObject().put("url", "data:image/png;base64,iVBORw0KGgo="))));
    HttpResponse<Buffer> response = send(messages(withImage));
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals("true", lastChat().header("copilot-vision-request"));
  }

  @Test
  void copilotIdentityHeadersAndTokenReplaceTheClientsCredentials() {
    Await.result(fixture.web().post("/v1/chat/completions")
        .putHeader("authorization", "Bearer sk-client-secret")
        .putHeader("x-api-key", "sk-client-other")
        .putHeader("anthropic-beta", "something")
        .sendBuffer(Buffer.buffer(GatewayFixture.chat("gpt-4.1", "hi", false))));

    RecordedRequest upstream = lastChat();
    assertTrue(upstream.header("authorization").startsWith("Bearer tid=sim"), upstream.header("authorization"));
    assertNull(upstream.header("x-api-key"));
    assertNull(upstream.header("anthropic-beta"));
    assertEquals("vscode-chat", upstream.header("copilot-integration-id"));
    assertEquals("vscode/1.93.0", upstream.header("editor-version"));
    assertEquals("copilot-chat/0.26.7", upstream.header("editor-plugin-version"));
    assertEquals("conversation-panel", upstream.header("openai-intent"));
    assertNotNull(upstream.header("x-request-id"));
  }

  @Test
  void maxTokensIsRenamedForModelsThatRequireIt() {
    JsonObject body = new JsonObject(GatewayFixture.chat("gpt-5", "hi", false)).put("max_tokens", 100);
    HttpResponse<Buffer> response = fixture.post("/v1/chat/completions", body.encode());

    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonObject forwarded = lastChat().json();
    assertEquals(100, forwarded.getInteger("max_completion_tokens"));
    assertFalse(forwarded.containsKey("max_tokens"));
  }

  @Test
  void maxTokensIsKeptForModelsThatAcceptIt() {
    JsonObject body = new JsonObject(GatewayFixture.chat("gpt-4.1", "hi", false)).put("max_tokens", 100);
    fixture.post("/v1/chat/completions", body.encode());
    assertEquals(100, lastChat().json().getInteger("max_tokens"));
  }

  @Test
  void anUnchangedBodyIsForwardedByteForByte() {
    String body = "{ \"model\" : \"gpt-4.1\",\n  \"messages\": [ {\"role\":\"user\", \"content\":\"spaced  out\"} ],"
        + " \"temperature\": 0.30 }";
    fixture.post("/v1/chat/completions", body);
    assertEquals(body, lastChat().body());
  }

  @Test
  void theChatAliasWithoutV1Works() {
    HttpResponse<Buffer> response = fixture.post("/chat/completions", GatewayFixture.chat("gpt-4.1", "alias", false));
    assertEquals(200, response.statusCode());
    assertTrue(response.bodyAsString().contains("alias"));
  }

  private HttpResponse<Buffer> send(JsonArray messages) {
    return fixture.post("/v1/chat/completions", new JsonObject().put("model", "gpt-4.1").put("messages", messages).encode());
  }

  private RecordedRequest lastChat() {
    return fixture.simulator.received().last("/chat/completions").orElseThrow();
  }

  private static JsonObject user(String text) {
    return new JsonObject().put("role", "user").put("content", text);
  }

  private static JsonArray messages(JsonObject... items) {
    JsonArray array = new JsonArray();
    for (JsonObject item : items) {
      array.add(item);
    }
    return array;
  }
}
