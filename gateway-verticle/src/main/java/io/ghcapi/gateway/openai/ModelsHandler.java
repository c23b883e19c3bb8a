package io.ghcapi.gateway.openai;

import io.ghcapi.gateway.GatewayServices;
import io.ghcapi.gateway.exchange.FailureMapping;
import io.ghcapi.gateway.http.ApiError;
import io.ghcapi.gateway.http.OpenAiErrors;
import io.ghcapi.gateway.models.CopilotModel;
import io.ghcapi.gateway.models.ModelCatalog;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /v1/models} in a shape both OpenAI and Anthropic clients read ({@code object} and
 * {@code type}, {@code created} and {@code created_at}), with each model's limits so clients such as
 * Claude Code can size their context: {@code context_window}, {@code max_input_tokens} (Copilot's prompt
 * limit, lower than the window) and {@code max_output_tokens}.
 */
public final class ModelsHandler {

  private final GatewayServices services;

  public ModelsHandler(GatewayServices services) {
    this.services = services;
  }

  public void list(RoutingContext ctx) {
    services.catalog().snapshot().onComplete(result -> {
      if (result.failed()) {
        OpenAiErrors.send(ctx.response(), FailureMapping.toApiError(result.cause()));
        return;
      }
      List<CopilotModel> models = result.result().models();
      JsonArray data = new JsonArray();
      models.forEach(model -> data.add(describe(model)));
      ctx.json(new JsonObject().put("object", "list").put("data", data).put("has_more", false)
          .put("first_id", models.isEmpty() ? null : models.get(0).id())
          .put("last_id", models.isEmpty() ? null : models.get(models.size() - 1).id()));
    });
  }

  /** {@code GET /v1/models/{id}}; the id goes through model mapping, so dated names resolve. */
  public void retrieve(RoutingContext ctx) {
    String requested = ctx.pathParam("id");
    services.catalog().snapshot().onComplete(result -> {
      if (result.failed()) {
        OpenAiErrors.send(ctx.response(), FailureMapping.toApiError(result.cause()));
        return;
      }
      ModelCatalog.Snapshot snapshot = result.result();
      CopilotModel model = snapshot.byId().get(requested);
      if (model == null) {
        model = snapshot.byId().get(services.mapper().map(requested).upstream());
      }
      if (model == null) {
        OpenAiErrors.send(ctx.response(), new ApiError(404, "invalid_request_error", "model_not_found",
            "The model '" + requested + "' does not exist or Copilot does not offer it.", "model", null));
        return;
      }
      ctx.json(describe(model));
    });
  }

  /** {@code GET /v1/models/full}: Copilot's own model objects, capabilities and all. */
  public void full(RoutingContext ctx) {
    services.catalog().snapshot().onComplete(result -> {
      if (result.failed()) {
        OpenAiErrors.send(ctx.response(), FailureMapping.toApiError(result.cause()));
        return;
      }
      JsonArray data = new JsonArray();
      result.result().models().forEach(model -> data.add(model.raw()));
      ctx.json(new JsonObject().put("object", "list").put("data", data));
    });
  }

  static JsonObject describe(CopilotModel model) {
    JsonObject json = new JsonObject()
        .put("id", model.id())
        .put("object", "model")
        .put("type", "model")
        .put("created", 0)
        .put("created_at", "1970-01-01T00:00:00Z")
        .put("owned_by", model.vendor())
        .put("display_name", model.displayName());
    putIfPresent(json, "context_window", model.contextWindow());
    putIfPresent(json, "max_input_tokens", model.maxPromptTokens());
    putIfPresent(json, "max_output_tokens", model.maxOutputTokens());
    JsonArray endpoints = model.raw().getJsonArray("supported_endpoints");
    if (endpoints != null) {
      json.put("supported_endpoints", endpoints);
    }
    return json;
  }

  private static void putIfPresent(JsonObject json, String key, Long value) {
    if (value != null) {
      json.put(key, value);
    }
  }
}
