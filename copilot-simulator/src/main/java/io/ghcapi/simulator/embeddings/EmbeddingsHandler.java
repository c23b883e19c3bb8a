package io.ghcapi.simulator.embeddings;

import io.ghcapi.simulator.http.ApiError;
import io.ghcapi.simulator.http.JsonBodies;
import io.ghcapi.simulator.http.Replies;
import io.ghcapi.simulator.models.ModelCatalog;
import io.ghcapi.simulator.models.ModelChecks;
import io.ghcapi.simulator.models.ModelSpec;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** {@code POST /embeddings}. */
public final class EmbeddingsHandler implements Handler<RoutingContext> {

  static final int MAX_DIMENSIONS = 1536;

  private final ModelCatalog catalog;
  private final int defaultDimensions;

  public EmbeddingsHandler(ModelCatalog catalog, int defaultDimensions) {
    this.catalog = catalog;
    this.defaultDimensions = defaultDimensions;
  }

  @Override
  public void handle(RoutingContext ctx) {
    JsonObject body = JsonBodies.objectOrReply(ctx);
    if (body == null) {
      return;
    }
    ModelSpec model = ModelChecks.resolveOrReply(ctx, body, catalog, ModelSpec.EMBEDDINGS);
    if (model == null) {
      return;
    }
    List<Object> inputs = EmbeddingInputs.parse(body.getValue("input"));
    if (inputs == null) {
      Replies.error(ctx, ApiError.invalidRequest("'input' must be a non-empty string, a list of strings, "
          + "a list of token ids or a list of token-id lists", "invalid_input", "input"));
      return;
    }
    Object requestedDimensions = body.getValue("dimensions");
    int dimensions = defaultDimensions;
    if (requestedDimensions != null) {
      if (!(requestedDimensions instanceof Integer d) || d < 1 || d > MAX_DIMENSIONS) {
        Replies.error(ctx, ApiError.invalidRequest("'dimensions' must be an integer between 1 and " + MAX_DIMENSIONS,
            "invalid_value", "dimensions"));
        return;
      }
      dimensions = d;
    }
    boolean base64 = "base64".equals(body.getValue("encoding_format"));
    JsonArray data = new JsonArray();
    int tokens = 0;
    for (int i = 0; i < inputs.size(); i++) {
      float[] vector = EmbeddingVectors.of(inputs.get(i), dimensions);
      data.add(new JsonObject()
          .put("object", "embedding")
          .put("index", i)
          .put("embedding", base64 ? EmbeddingVectors.asBase64(vector) : EmbeddingVectors.asJson(vector)));
      tokens += EmbeddingInputs.tokens(inputs.get(i));
    }
    Replies.json(ctx, 200, new JsonObject()
        .put("object", "list")
        .put("data", data)
        .put("model", model.id())
        .put("usage", new JsonObject().put("prompt_tokens", tokens).put("total_tokens", tokens)));
  }
}
