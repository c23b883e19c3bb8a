package io.ghcapi.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** Native /v1/messages: a history with a tool result whose call is gone is repaired and sent again. */
@ExtendWith(VertxExtension.class)
class MessagesRecoveryTest {

  private GatewayFixture fixture;

  @BeforeEach
  void start(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).config("system_prompt_add", new JsonArray().add("Be concise.")).start();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void anOrphanedToolResultIsRemovedAndTheRequestRetried() {
    JsonObject request = new JsonObject().put("model", "claude-sonnet-4.5").put("max_tokens", 128)
        .put("messages", new JsonArray()
            .add(new JsonObject().put("role", "user").put("content", "hi"))
            .add(new JsonObject().put("role", "assistant").put("content", "hello"))
            .add(new JsonObject().put("role", "user").put("content", new JsonArray()
                .add(new JsonObject().put("type", "tool_result").put("tool_use_id", "toolu_gone").put("content", "old"))
                .add(new JsonObject().put("type", "text").put("text", "carry on")))));

    HttpResponse<Buffer> response = fixture.post("/v1/messages", request.encode());

    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals(2, fixture.simulator.received().count("/v1/messages"));
    String retried = fixture.simulator.received().last("/v1/messages").orElseThrow().body();
    assertFalse(retried.contains("toolu_gone"));
    assertTrue(retried.contains("carry on"));
    assertEquals(1, fixture.gateway.services().counters().get("mod.orphaned_tool_cleanup"));
  }

  @Test
  void theOperatorsSystemPromptAdditionReachesCopilotOnEveryRoute() {
    for (String model : new String[] {"claude-sonnet-4.5", "gpt-4.1"}) {
      JsonObject request = new JsonObject().put("model", model).put("max_tokens", 64)
          .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", "hi")));
      assertEquals(200, fixture.post("/v1/messages", request.encode()).statusCode());
    }
    assertTrue(fixture.simulator.received().last("/v1/messages").orElseThrow().body().contains("Be concise."));
    assertTrue(fixture.simulator.received().last("/chat/completions").orElseThrow().body().contains("Be concise."));
  }
}
