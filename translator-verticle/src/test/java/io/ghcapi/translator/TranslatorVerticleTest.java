package io.ghcapi.translator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.bus.Addresses;
import io.ghcapi.bus.BusErrorCode;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The translator on the event bus, as a plugin would call it. */
@ExtendWith(VertxExtension.class)
class TranslatorVerticleTest {

  private static final JsonObject ANTHROPIC_REQUEST = new JsonObject().put("model", "claude-sonnet-4.5")
      .put("max_tokens", 100).put("system", "Be brief.")
      .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", "Hello!")));

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx) {
    vertx.deployVerticle(new TranslatorVerticle()).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void translatesAnAnthropicRequestToChat(Vertx vertx, VertxTestContext ctx) {
    JsonObject body = new JsonObject().put("request", ANTHROPIC_REQUEST).put("model", "gpt-4.1");
    vertx.eventBus().<JsonObject>request(Addresses.TRANSLATE_ANTHROPIC_TO_CHAT, body).onComplete(ctx.succeeding(reply ->
        ctx.verify(() -> {
          JsonArray messages = reply.body().getJsonObject("request").getJsonArray("messages");
          assertEquals("system", messages.getJsonObject(0).getString("role"));
          assertEquals("Hello!", messages.getJsonObject(1).getString("content"));
          assertEquals("gpt-4.1", reply.body().getJsonObject("request").getString("model"));
          ctx.completeNow();
        })));
  }

  @Test
  void translatesAChatCompletionToAnAnthropicMessage(Vertx vertx, VertxTestContext ctx) {
    JsonObject chat = new JsonObject().put("id", "chatcmpl-1").put("object", "chat.completion")
        .put("choices", new JsonArray().add(new JsonObject().put("index", 0).put("finish_reason", "stop")
            .put("message", new JsonObject().put("role", "assistant").put("content", "Hi!"))))
        .put("usage", new JsonObject().put("prompt_tokens", 9).put("completion_tokens", 2));
    vertx.eventBus().<JsonObject>request(Addresses.TRANSLATE_CHAT_TO_ANTHROPIC,
        new JsonObject().put("response", chat).put("model", "claude-sonnet-4.5")).onComplete(ctx.succeeding(reply ->
        ctx.verify(() -> {
          JsonObject message = reply.body().getJsonObject("response");
          assertEquals("message", message.getString("type"));
          assertEquals("end_turn", message.getString("stop_reason"));
          assertEquals("Hi!", message.getJsonArray("content").getJsonObject(0).getString("text"));
          ctx.completeNow();
        })));
  }

  @Test
  void countsTokens(Vertx vertx, VertxTestContext ctx) {
    vertx.eventBus().<JsonObject>request(Addresses.TRANSLATE_COUNT_TOKENS, new JsonObject().put("request", ANTHROPIC_REQUEST))
        .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
          assertTrue(reply.body().getInteger("input_tokens") > 0);
          ctx.completeNow();
        })));
  }

  @Test
  void aMalformedRequestFailsWithBadRequest(Vertx vertx, VertxTestContext ctx) {
    JsonObject bad = new JsonObject().put("request", ANTHROPIC_REQUEST.copy().put("temperature", "hot")).put("model", "gpt-4.1");
    vertx.eventBus().request(Addresses.TRANSLATE_ANTHROPIC_TO_CHAT, bad).onComplete(ctx.failing(error -> ctx.verify(() -> {
      assertEquals(BusErrorCode.BAD_REQUEST.code(), ((ReplyException) error).failureCode());
      ctx.completeNow();
    })));
  }
}
