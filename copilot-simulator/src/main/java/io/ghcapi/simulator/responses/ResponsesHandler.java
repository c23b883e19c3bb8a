package io.ghcapi.simulator.responses;

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

/** {@code POST /responses} and {@code POST /v1/responses} (OpenAI Responses API as Copilot serves it). */
public final class ResponsesHandler implements Handler<RoutingContext> {

  private final ModelCatalog catalog;
  private final IdSequence ids;
  private final SseStreamer streamer;
  private final int chunkCount;

  public ResponsesHandler(ModelCatalog catalog, IdSequence ids, SseStreamer streamer, int chunkCount) {
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
    ModelSpec model = ModelChecks.resolveOrReply(ctx, body, catalog, ModelSpec.RESPONSES);
    if (model == null) {
      return;
    }
    Object input = body.getValue("input");
    if (!(input instanceof String) && !(input instanceof JsonArray)) {
      Replies.error(ctx, ApiError.invalidRequest("'input' must be a string or an array of input items", "invalid_value", "input"));
      return;
    }
    if (hasImage(input) && !VisionHeader.present(ctx)) {
      Replies.error(ctx, ApiError.missingVisionHeader());
      return;
    }
    Answer answer = ResponsesAnswerPlanner.plan(model.id(), input, body.getValue("tools"), body.getValue("tool_choice"), ids);
    long n = ids.next();
    ReasoningItem reasoning = reasoningRequested(model, body) ? ReasoningItem.of("rs_sim_" + n, wantsEncryptedReasoning(body)) : null;
    String outputItemId = (answer.isToolCall() ? "fc_sim_" : "msg_sim_") + n;
    ResponsesReply reply = new ResponsesReply("resp_sim_" + n, System.currentTimeMillis() / 1000, model.id(), answer,
        reasoning, outputItemId, TokenEstimate.ofChars(ctx.body().length()), body);
    if (Boolean.TRUE.equals(body.getValue("stream"))) {
      streamer.stream(ctx, ResponsesStreamEvents.of(reply, chunkCount));
    } else {
      Replies.json(ctx, 200, reply.response(true));
    }
  }

  private static boolean hasImage(Object input) {
    if (input instanceof JsonArray items) {
      for (Object entry : items) {
        if (entry instanceof JsonObject item
            && ("input_image".equals(item.getValue("type")) || TextParts.hasPartOfType(item.getValue("content"), "input_image"))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean reasoningRequested(ModelSpec model, JsonObject body) {
    return model.isReasoningFamily()
        && body.getValue("reasoning") instanceof JsonObject reasoning
        && !"none".equals(reasoning.getValue("effort"));
  }

  private static boolean wantsEncryptedReasoning(JsonObject body) {
    return body.getValue("include") instanceof JsonArray include && include.contains("reasoning.encrypted_content");
  }
}
