package io.ghcapi.simulator.chat;

import io.ghcapi.simulator.content.ToolCall;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Renders a complete {@code chat.completion} object. */
final class ChatCompletionJson {

  private ChatCompletionJson() {
  }

  static JsonObject of(ChatReply reply) {
    JsonObject message = new JsonObject()
        .put("role", "assistant")
        .put("content", reply.answer().text())
        .put("refusal", null);
    if (reply.answer().isToolCall()) {
      ToolCall call = reply.answer().toolCall();
      message.put("tool_calls", new JsonArray().add(new JsonObject()
          .put("id", call.id())
          .put("type", "function")
          .put("function", new JsonObject().put("name", call.name()).put("arguments", call.arguments()))));
    }
    JsonObject choice = new JsonObject()
        .put("index", 0)
        .put("message", message)
        .put("logprobs", null)
        .put("finish_reason", reply.finishReason());
    return new JsonObject()
        .put("id", reply.id())
        .put("object", "chat.completion")
        .put("created", reply.created())
        .put("model", reply.model())
        .put("choices", new JsonArray().add(choice))
        .put("usage", reply.usage())
        .put("system_fingerprint", ChatReply.SYSTEM_FINGERPRINT);
  }
}
