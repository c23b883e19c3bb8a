package io.ghcapi.translator;

import io.ghcapi.bus.Addresses;
import io.ghcapi.bus.BusErrorCode;
import io.ghcapi.translator.anthropic.AnthropicToChat;
import io.ghcapi.translator.anthropic.ChatTarget;
import io.ghcapi.translator.anthropic.ChatToAnthropic;
import io.ghcapi.translator.responses.ChatToResponses;
import io.ghcapi.translator.responses.ResponsesToChat;
import io.ghcapi.translator.tokens.TokenCounter;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The translator library on the event bus ({@code ghc.translate.*}), for plugins and tools; the gateway
 * itself calls the library in-process. Translations are pure and fast, but token counting and large
 * bodies take milliseconds, so every request is served on a worker thread, never the event loop.
 */
public final class TranslatorVerticle extends VerticleBase {

  private final TokenCounter tokenCounter = new TokenCounter();

  @Override
  public Future<?> start() {
    EventBus bus = vertx.eventBus();
    return Future.all(List.of(
        serve(bus, Addresses.TRANSLATE_ANTHROPIC_TO_CHAT, this::anthropicToChat),
        serve(bus, Addresses.TRANSLATE_CHAT_TO_ANTHROPIC, body -> new JsonObject()
            .put("response", ChatToAnthropic.response(object(body, "response"), body.getString("model"), null))),
        serve(bus, Addresses.TRANSLATE_RESPONSES_TO_CHAT, body ->
            reply(ResponsesToChat.request(object(body, "request"), body.getString("model")))),
        serve(bus, Addresses.TRANSLATE_CHAT_TO_RESPONSES, body ->
            reply(ChatToResponses.request(object(body, "request"), body.getString("model")))),
        serve(bus, Addresses.TRANSLATE_COUNT_TOKENS, body ->
            new JsonObject().put("input_tokens", tokenCounter.countMessagesRequest(object(body, "request"))))));
  }

  private JsonObject anthropicToChat(JsonObject body) {
    List<String> efforts = new ArrayList<>();
    JsonArray listed = body.getJsonArray("reasoning_efforts", new JsonArray());
    listed.forEach(effort -> efforts.add(String.valueOf(effort)));
    ChatTarget target = new ChatTarget(body.getString("model"), body.getBoolean("claude_family", false), efforts);
    return reply(AnthropicToChat.request(object(body, "request"), target));
  }

  private Future<Void> serve(EventBus bus, String address, Function<JsonObject, JsonObject> translation) {
    return bus.<JsonObject>consumer(address, message -> answer(message, translation)).completion();
  }

  private void answer(Message<JsonObject> message, Function<JsonObject, JsonObject> translation) {
    vertx.executeBlocking(() -> translation.apply(message.body() == null ? new JsonObject() : message.body()), false)
        .onSuccess(message::reply)
        .onFailure(e -> {
          BusErrorCode code = e instanceof TranslationException || e instanceof IllegalArgumentException
              || e instanceof ClassCastException ? BusErrorCode.BAD_REQUEST : BusErrorCode.INTERNAL;
          message.fail(code.code(), String.valueOf(e.getMessage()));
        });
  }

  private static JsonObject reply(TranslatedRequest translated) {
    return new JsonObject().put("request", translated.body())
        .put("warnings", new JsonArray(new ArrayList<>(translated.warnings().codes())));
  }

  private static JsonObject object(JsonObject body, String key) {
    if (!(body.getValue(key) instanceof JsonObject value)) {
      throw new IllegalArgumentException("'" + key + "' must be a JSON object");
    }
    return value;
  }
}
