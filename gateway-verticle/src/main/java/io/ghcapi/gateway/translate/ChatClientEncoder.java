package io.ghcapi.gateway.translate;

import io.ghcapi.bus.TokenUsage;
import io.ghcapi.gateway.http.ApiError;
import io.ghcapi.gateway.http.OpenAiErrors;
import io.ghcapi.translator.SseBuffer;
import io.ghcapi.translator.StreamError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Chat Completions clients over a translated upstream: chunks as {@code data:} frames, usage in a chunk of
 * its own only when the client asked for it, {@code [DONE]} at the end, an OpenAI error frame on failure.
 */
final class ChatClientEncoder implements ClientEncoder {

  private final SseBuffer out;
  private final boolean clientWantsUsage;
  private JsonObject lastUsage;
  private final StringBuilder text = new StringBuilder();
  private Object finishReason;
  private String id;

  ChatClientEncoder(SseBuffer out, boolean clientWantsUsage) {
    this.out = out;
    this.clientWantsUsage = clientWantsUsage;
  }

  @Override
  public void chunk(JsonObject chunk) {
    if (id == null) {
      id = chunk.getString("id");
    }
    if (chunk.getValue("usage") instanceof JsonObject usage) {
      lastUsage = usage;
    }
    JsonArray choices = chunk.getValue("choices") instanceof JsonArray c ? c : new JsonArray();
    for (Object item : choices) {
      if (item instanceof JsonObject choice) {
        if (choice.getValue("finish_reason") != null) {
          finishReason = choice.getValue("finish_reason");
        }
        if (choice.getValue("delta") instanceof JsonObject delta && delta.getValue("content") instanceof String s
            && text.length() < (1 << 20)) {
          text.append(s);
        }
      }
    }
    if (choices.isEmpty()) {
      if (clientWantsUsage && chunk.containsKey("usage")) {
        out.data(chunk);
      }
      return;
    }
    if (chunk.containsKey("usage") && !clientWantsUsage) {
      chunk = chunk.copy();
      chunk.remove("usage");
    }
    out.data(chunk);
  }

  @Override
  public void done() {
    out.data("[DONE]");
  }

  @Override
  public void error(StreamError error) {
    out.data(OpenAiErrors.body(new ApiError(error.status(), ApiError.typeFor(error.status()), error.code(),
        error.message(), null, null)));
  }

  @Override
  public TokenUsage usage() {
    return lastUsage == null ? TokenUsage.NONE : io.ghcapi.gateway.openai.OpenAiUsage.fromUsage(lastUsage);
  }

  @Override
  public JsonObject answer() {
    return new JsonObject().put("id", id).put("object", "chat.completion")
        .put("choices", new JsonArray().add(new JsonObject().put("index", 0)
            .put("message", new JsonObject().put("role", "assistant").put("content", text.toString()))
            .put("finish_reason", finishReason)))
        .put("usage", lastUsage);
  }
}
