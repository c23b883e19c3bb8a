package io.ghcapi.gateway.responses;

import io.ghcapi.bus.Endpoints;
import io.ghcapi.gateway.GatewayServices;
import io.ghcapi.gateway.exchange.ClientEndpoint;
import io.ghcapi.gateway.exchange.ClientRequest;
import io.ghcapi.gateway.exchange.Exchange;
import io.ghcapi.gateway.exchange.StreamingAnswer;
import io.ghcapi.gateway.http.ApiError;
import io.ghcapi.gateway.models.CopilotModel;
import io.ghcapi.gateway.models.MappedModel;
import io.ghcapi.gateway.routing.ClientApi;
import io.ghcapi.gateway.routing.UpstreamApi;
import io.ghcapi.gateway.routing.UpstreamSelector;
import io.ghcapi.gateway.translate.TranslatedRoute;
import io.ghcapi.gateway.upstream.CopilotHeaders;
import io.ghcapi.gateway.upstream.UpstreamCall;
import io.ghcapi.gateway.upstream.UpstreamClient;
import io.ghcapi.gateway.upstream.UpstreamResponse;
import io.ghcapi.gateway.util.Counters;
import io.ghcapi.translator.Warnings;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * {@code POST /v1/responses}: Codex and other Responses clients with any Copilot model. Models Copilot serves
 * on {@code /responses} get the request passed through (with the fixes Copilot needs); the others (GPT-4.1,
 * Claude, Gemini) are reached through Chat Completions translation.
 */
public final class ResponsesHandler implements Handler<RoutingContext> {

  private final GatewayServices services;
  private final UpstreamClient upstream;
  private final ClientEndpoint endpoint;
  private final StreamingAnswer streaming;
  private final TranslatedRoute translated;
  private final ResponsesFixes fixes;

  public ResponsesHandler(GatewayServices services, UpstreamClient upstream, ClientEndpoint endpoint,
      TranslatedRoute translated) {
    this.services = services;
    this.upstream = upstream;
    this.endpoint = endpoint;
    this.streaming = new StreamingAnswer(services, endpoint);
    this.translated = translated;
    this.fixes = new ResponsesFixes(services.counters());
  }

  @Override
  public void handle(RoutingContext ctx) {
    Exchange exchange = services.recorder().open(ctx, Endpoints.RESPONSES);
    endpoint.read(exchange).onSuccess(request -> prepare(exchange, request));
  }

  private void prepare(Exchange exchange, ClientRequest request) {
    JsonObject body = request.json();
    exchange.record().originalRequestBody(services.recorder().recordable(request.clientRaw()));
    if (!(body.getValue("model") instanceof String model) || model.isBlank()) {
      endpoint.reject(exchange, ClientEndpoint.invalid("missing_model", "'model' must be a non-empty string.", "model"));
      return;
    }
    Object input = body.getValue("input");
    if (!(input instanceof String) && !(input instanceof JsonArray)) {
      endpoint.reject(exchange, ClientEndpoint.invalid("invalid_input",
          "'input' must be a string or an array of input items.", "input"));
      return;
    }
    Object stream = body.getValue("stream");
    if (stream != null && !(stream instanceof Boolean)) {
      endpoint.reject(exchange, ClientEndpoint.invalid("invalid_stream", "'stream' must be true or false.", "stream"));
      return;
    }
    exchange.record().model(model).stream(Boolean.TRUE.equals(stream))
        .initiator(ResponsesInspector.initiator(input)).initiatorReason(ResponsesInspector.initiatorReason(input))
        .vision(ResponsesInspector.hasImages(input));
    MappedModel mapped = services.mapper().map(model);
    if (mapped.changed()) {
      services.counters().increment(Counters.MODEL_NAME_MAPPING);
      exchange.record().translatedModel(mapped.upstream());
    }
    services.catalog().snapshot().onComplete(catalog -> {
      if (catalog.failed()) {
        endpoint.fail(exchange, catalog.cause());
        return;
      }
      Optional<CopilotModel> known = Optional.ofNullable(catalog.result().byId().get(mapped.upstream()));
      Optional<UpstreamApi> route = UpstreamSelector.select(ClientApi.RESPONSES, known);
      if (route.isEmpty()) {
        endpoint.reject(exchange, ApiError.of(400, "unsupported_model",
            "Model '" + model + "' cannot be served through /v1/responses."));
      } else if (route.get() == UpstreamApi.RESPONSES) {
        forwardNative(exchange, body, mapped);
      } else {
        translated.forward(exchange, endpoint, ClientApi.RESPONSES, route.get(), body, mapped, known.get());
      }
    });
  }

  private void forwardNative(Exchange exchange, JsonObject body, MappedModel mapped) {
    Warnings warnings = new Warnings();
    body.put("model", mapped.upstream());
    fixes.apply(body, mapped.upstream(), warnings);
    if (!warnings.isEmpty()) {
      exchange.ctx().response().putHeader("X-GHC-Compatibility-Warnings", warnings.header());
    }
    Buffer forwarded = body.toBuffer();
    exchange.record().requestBody(services.recorder().recordable(forwarded));
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add(CopilotHeaders.X_INITIATOR, exchange.record().initiator());
    if (exchange.record().vision()) {
      headers.add(CopilotHeaders.VISION, "true");
    }
    exchange.sending();
    Future<UpstreamResponse> answer = upstream.send(UpstreamCall.post(UpstreamApi.RESPONSES.path(), forwarded, headers),
        exchange.cancellation());
    if (exchange.record().stream()) {
      streaming.relay(exchange, answer, () -> new NativeResponsesRelay(services.recorder().maxBodyBytes()));
    } else {
      answer.onComplete(result -> {
        if (result.failed()) {
          endpoint.fail(exchange, result.cause());
        } else {
          endpoint.relayJson(exchange, result.result(), ResponsesUsage::fromResponse, null);
        }
      });
    }
  }
}
