package io.ghcapi.simulator.models;

import io.ghcapi.simulator.http.ApiError;
import io.ghcapi.simulator.http.Replies;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Checks the requested model exists and accepts the endpoint it was sent to. */
public final class ModelChecks {

  private ModelChecks() {
  }

  /** The model, or {@code null} after answering 400. */
  public static ModelSpec resolveOrReply(RoutingContext ctx, JsonObject body, ModelCatalog catalog, String endpoint) {
    if (!(body.getValue("model") instanceof String id) || id.isEmpty()) {
      Replies.error(ctx, ApiError.missingModel());
      return null;
    }
    ModelSpec model = catalog.find(id).orElse(null);
    if (model == null) {
      Replies.error(ctx, ApiError.modelNotSupported());
      return null;
    }
    if (!model.supportsEndpoint(endpoint)) {
      Replies.error(ctx, ApiError.unsupportedApiForModel(id, endpoint));
      return null;
    }
    return model;
  }
}
