package io.ghcapi.simulator.messages;

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

/** {@code POST /v1/messages} (Anthropic Messages as Copilot serves it for Claude models). */
public final class MessagesHandler implements Handler<RoutingContext> {

  private final ModelCatalog catalog;
  private final IdSequence ids;
  private final SseStreamer streamer;
  private final int chunkCount;

  public MessagesHandler(ModelCatalog catalog, IdSequence ids, SseStreamer streamer, int chunkCount) {
    this.catalog = catalog;
    this.ids = ids;
    this.streamer = streamer;
    this.chunkCount = chunkCount;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String version = ctx.request().getHeader("anthropic-version");
    if (version == null || version.isBlank()) {
      Replies.error(ctx, ApiError.missingAnthropicVersion());
      return;
    }
    JsonObject body = JsonBodies.objectOrReply(ctx);
    if (body == null) {
      return;
    }
    ModelSpec model = ModelChecks.resolveOrReply(ctx, body, catalog, ModelSpec.MESSAGES);
    if (model == null) {
      return;
    }
    if (!(body.getValue("max_tokens") instanceof Number maxTokens) || maxTokens.longValue() < 1) {
      Replies.error(ctx, ApiError.invalidRequest("max_tokens: Field required", "invalid_value", "max_tokens"));
      return;
    }
    if (!(body.getValue("messages") instanceof JsonArray messages)) {
      Replies.error(ctx, ApiError.invalidRequest("messages: Field required", "invalid_value", "messages"));
      return;
    }
    String orphan = OrphanedToolResultCheck.firstOrphan(body.getJsonArray("messages"));
    if (orphan != null) {
      Replies.error(ctx, ApiError.invalidRequest(orphan, "invalid_request_error", "messages"));
      return;
    }
    if (hasImage(messages) && !VisionHeader.present(ctx)) {
      Replies.error(ctx, ApiError.missingVisionHeader());
      return;
    }
    Answer answer = MessagesAnswerPlanner.plan(model.id(), messages, body.getValue("tools"), body.getValue("tool_choice"), ids);
    MessagesReply reply = new MessagesReply("msg_sim_" + ids.next(), model.id(), answer, thinkingEnabled(body),
        TokenEstimate.ofChars(ctx.body().length()));
    if (Boolean.TRUE.equals(body.getValue("stream"))) {
      streamer.stream(ctx, MessagesStreamEvents.of(reply, chunkCount));
    } else {
      Replies.json(ctx, 200, reply.message(true));
    }
  }

  /** Images count only as top-level blocks; one nested in a tool_result does not make a vision request. */
  private static boolean hasImage(JsonArray messages) {
    for (Object message : messages) {
      if (message instanceof JsonObject m && TextParts.hasPartOfType(m.getValue("content"), "image")) {
        return true;
      }
    }
    return false;
  }

  private static boolean thinkingEnabled(JsonObject body) {
    return body.getValue("thinking") instanceof JsonObject thinking
        && ("enabled".equals(thinking.getValue("type")) || "adaptive".equals(thinking.getValue("type")));
  }
}
