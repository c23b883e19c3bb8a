package io.ghcapi.simulator.chat;

import io.ghcapi.simulator.content.Answer;
import io.ghcapi.simulator.content.IdSequence;
import io.ghcapi.simulator.content.TextParts;
import io.ghcapi.simulator.content.TokenEstimate;
import io.ghcapi.simulator.http.ApiError;
import io.ghcapi.simulator.http.JsonBodies;
import io.ghcapi.simulator.http.Replies;
import io.ghcapi.simulator.http.SseStreamer;
import io.ghcapi.simulator.http.VisionHeader;
import io.ghcapi.simulator.models.ModelCatalog;
import io.ghcapi.simulator.models.ModelChecks;
import io.ghcapi.simulator.models.ModelSpec;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** {@code POST /chat/completions} (OpenAI Chat Completions as Copilot serves it). */
public final class ChatCompletionsHandler implements Handler<RoutingContext> {

  private final ModelCatalog catalog;
  private final IdSequence ids;
  private final SseStreamer streamer;
  private final int chunkCount;

  public ChatCompletionsHandler(ModelCatalog catalog, IdSequence ids, SseStreamer streamer, int chunkCount) {
    this.catalog = catalog;
    this.ids = ids;
    this.streamer = streamer;
    this.chunkCount = chunkCount;
  }

  @Override
  public void handle(RoutingContext ctx) {
    JsonObject body = JsonBodies.objectOrReply(ctx);
    if (body == null) {
      return;
    }
    ModelSpec model = ModelChecks.resolveOrReply(ctx, body, catalog, ModelSpec.CHAT_COMPLETIONS);
    if (model == null) {
      return;
    }
    if (!(body.getValue("messages") instanceof JsonArray messages) || messages.isEmpty()) {
      Replies.error(ctx, ApiError.invalidRequest("'messages' must be a non-empty array", "invalid_value", "messages"));
      return;
    }
    if (hasImage(messages) && !VisionHeader.present(ctx)) {
      Replies.error(ctx, ApiError.missingVisionHeader());
      return;
    }
    if (model.isReasoningFamily() && body.containsKey("max_tokens")) {
      Replies.error(ctx, ApiError.maxTokensNotSupported());
      return;
    }
    Answer answer = ChatAnswerPlanner.plan(model.id(), messages, body.getValue("tools"), body.getValue("tool_choice"), ids);
    ChatReply reply = new ChatReply("chatcmpl-sim-" + ids.next(), System.currentTimeMillis() / 1000, model.id(), answer,
        TokenEstimate.ofChars(ctx.body().length()));
    if (Boolean.TRUE.equals(body.getValue("stream"))) {
      streamer.stream(ctx, ChatStreamEvents.of(reply, chunkCount, includeUsage(body)));
    } else {
      Replies.json(ctx, 200, ChatCompletionJson.of(reply));
    }
  }

  private static boolean hasImage(JsonArray messages) {
    for (Object message : messages) {
      if (message instanceof JsonObject m && TextParts.hasPartOfType(m.getValue("content"), "image_url")) {
        return true;
      }
    }
    return false;
  }

  private static boolean includeUsage(JsonObject body) {
    return body.getValue("stream_options") instanceof JsonObject options
        && Boolean.TRUE.equals(options.getValue("include_usage"));
  }
}
