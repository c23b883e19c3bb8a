package io.ghcapi.gateway.openai;

import io.ghcapi.bus.Endpoints;
import io.ghcapi.gateway.GatewayServices;
import io.ghcapi.gateway.exchange.ClientEndpoint;
import io.ghcapi.gateway.exchange.ClientRequest;
import io.ghcapi.gateway.exchange.Exchange;
import io.ghcapi.gateway.exchange.FailureMapping;
import io.ghcapi.gateway.models.CopilotModel;
import io.ghcapi.gateway.models.MappedModel;
import io.ghcapi.gateway.upstream.CopilotHeaders;
import io.ghcapi.gateway.upstream.UpstreamCall;
import io.ghcapi.gateway.upstream.UpstreamClient;
import io.ghcapi.gateway.util.Counters;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * {@code POST /v1/embeddings} (seed §2.4): validates the model and the input, sends a normalised input list
 * to Copilot, and fills the fields strict OpenAI clients expect in the answer.
 */
public final class EmbeddingsHandler implements Handler<RoutingContext> {

  private final GatewayServices services;
  private final UpstreamClient upstream;
  private final ClientEndpoint endpoint;

  public EmbeddingsHandler(GatewayServices services, UpstreamClient upstream, ClientEndpoint endpoint) {
    this.services = services;
    this.upstream = upstream;
    this.endpoint = endpoint;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Exchange exchange = services.recorder().open(ctx, Endpoints.EMBEDDINGS);
    endpoint.read(exchange).onSuccess(request -> validate(exchange, request));
  }

  private void validate(Exchange exchange, ClientRequest request) {
    JsonObject body = request.json();
    exchange.record().originalRequestBody(services.recorder().recordable(request.clientRaw())).initiator("user");
    if (!(body.getValue("model") instanceof String model) || model.isBlank()) {
      endpoint.reject(exchange, ClientEndpoint.invalid("missing_model", "'model' must be a non-empty string.", "model"));
      return;
    }
    exchange.record().model(model);
    Optional<JsonArray> input = normalisedInput(body.getValue("input"));
    if (input.isEmpty()) {
      endpoint.reject(exchange, ClientEndpoint.invalid("invalid_input",
          "'input' must be a non-empty string, a non-empty list of strings, or a list of token ids.", "input"));
      return;
    }
    MappedModel mapped = services.mapper().map(model);
    services.catalog().snapshot().onComplete(catalog -> {
      if (catalog.failed()) {
        endpoint.fail(exchange, catalog.cause());
        return;
      }
      CopilotModel known = catalog.result().byId().get(mapped.upstream());
      if (known == null || !known.isEmbedding()) {
        endpoint.reject(exchange, ClientEndpoint.invalid("unsupported_model",
            "Model '" + model + "' does not support embeddings.", "model"));
        return;
      }
      forward(exchange, body, mapped, input.get());
    });
  }

  private void forward(Exchange exchange, JsonObject body, MappedModel mapped, JsonArray input) {
    if (mapped.changed()) {
      services.counters().increment(Counters.MODEL_NAME_MAPPING);
      exchange.record().translatedModel(mapped.upstream());
    }
    body.put("model", mapped.upstream()).put("input", input);
    io.vertx.core.buffer.Buffer forwarded = body.toBuffer();
    exchange.record().requestBody(services.recorder().recordable(forwarded));
    exchange.sending();
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add(CopilotHeaders.X_INITIATOR, "user");
    upstream.send(UpstreamCall.post("/embeddings", forwarded, headers), exchange.cancellation())
        .onComplete(result -> {
          if (result.failed()) {
            endpoint.fail(exchange, result.cause());
          } else {
            endpoint.relayJson(exchange, result.result(), OpenAiUsage::fromResponse,
                json -> withDefaults(json, mapped.requested()));
          }
        });
  }

  /** A string becomes a one-element list, token ids one pre-tokenised input; anything empty is refused. */
  static Optional<JsonArray> normalisedInput(Object input) {
    if (input instanceof String text) {
      return text.isEmpty() ? Optional.empty() : Optional.of(new JsonArray().add(text));
    }
    if (!(input instanceof JsonArray list) || list.isEmpty()) {
      return Optional.empty();
    }
    boolean allIntegers = true;
    for (Object item : list) {
      if (item == null || item instanceof String s && s.isEmpty()) {
        return Optional.empty();
      }
      allIntegers &= item instanceof Integer || item instanceof Long;
    }
    return Optional.of(allIntegers ? new JsonArray().add(list) : list);
  }

  private static JsonObject withDefaults(JsonObject answer, String requestedModel) {
    if (!answer.containsKey("object")) {
      answer.put("object", "list");
    }
    answer.put("model", requestedModel);
    if (answer.getValue("data") instanceof JsonArray data) {
      for (Object item : data) {
        if (item instanceof JsonObject embedding && !embedding.containsKey("object")) {
          embedding.put("object", "embedding");
        }
      }
    }
    if (!answer.containsKey("usage")) {
      answer.put("usage", new JsonObject().put("prompt_tokens", 0).put("total_tokens", 0));
    }
    return answer;
  }
}
