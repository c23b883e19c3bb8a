package io.ghcapi.gateway.openai;

import io.ghcapi.bus.Endpoints;
import io.ghcapi.gateway.GatewayServices;
import io.ghcapi.gateway.exchange.ClientEndpoint;
import io.ghcapi.gateway.exchange.ClientRequest;
import io.ghcapi.gateway.exchange.Exchange;
import io.ghcapi.gateway.exchange.StreamingAnswer;
import io.ghcapi.gateway.http.ApiError;
import io.ghcapi.gateway.http.BoundedBody;
import io.ghcapi.gateway.http.OpenAiErrors;
import io.ghcapi.gateway.models.CopilotModel;
import io.ghcapi.gateway.models.MappedModel;
import io.ghcapi.gateway.models.ModelCatalog;
import io.ghcapi.gateway.routing.ClientApi;
import io.ghcapi.gateway.routing.UpstreamApi;
import io.ghcapi.gateway.routing.UpstreamSelector;
import io.ghcapi.gateway.translate.TranslatedRoute;
import java.util.Optional;
import io.ghcapi.gateway.stream.SsePump;
import io.ghcapi.gateway.stream.SseSink;
import io.ghcapi.gateway.stream.StreamOutcome;
import io.ghcapi.gateway.upstream.CopilotHeaders;
import io.ghcapi.gateway.upstream.UpstreamCall;
import io.ghcapi.gateway.upstream.UpstreamClient;
import io.ghcapi.gateway.upstream.UpstreamResponse;
import io.ghcapi.gateway.util.Counters;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /v1/chat/completions}: maps the model, fixes what Copilot would reject, sets the Copilot
 * headers the request implies, and relays the answer (whole, or streamed with back-pressure).
 */
public final class ChatCompletionsHandler implements Handler<RoutingContext> {


  private final GatewayServices services;
  private final UpstreamClient upstream;
  private final ClientEndpoint endpoint;
  private final StreamingAnswer streamingAnswer;
  private final TranslatedRoute translated;

  public ChatCompletionsHandler(GatewayServices services, UpstreamClient upstream, ClientEndpoint endpoint,
      TranslatedRoute translated) {
    this.translated = translated;
    this.services = services;
    this.upstream = upstream;
    this.endpoint = endpoint;
    this.streamingAnswer = new StreamingAnswer(services, endpoint);
  }

  @Override
  public void handle(RoutingContext ctx) {
    Exchange exchange = services.recorder().open(ctx, Endpoints.CHAT_COMPLETIONS);
    endpoint.read(exchange).onSuccess(request -> forward(exchange, request));
  }

  private void forward(Exchange exchange, ClientRequest request) {
    JsonObject body = request.json();
    if (!(body.getValue("model") instanceof String model) || model.isBlank()) {
      endpoint.reject(exchange, ClientEndpoint.invalid("missing_model", "'model' must be a non-empty string.", "model"));
      return;
    }
    if (!(body.getValue("messages") instanceof JsonArray messages)) {
      endpoint.reject(exchange, ClientEndpoint.invalid("invalid_messages", "'messages' must be an array of messages.",
          "messages"));
      return;
    }
    Object stream = body.getValue("stream");
    if (stream != null && !(stream instanceof Boolean)) {
      endpoint.reject(exchange, ClientEndpoint.invalid("invalid_stream", "'stream' must be true or false.", "stream"));
      return;
    }
    boolean streaming = Boolean.TRUE.equals(stream);
    MappedModel mapped = services.mapper().map(model);
    if (mapped.changed()) {
      services.counters().increment(Counters.MODEL_NAME_MAPPING);
      exchange.record().translatedModel(mapped.upstream());
    }
    exchange.record().model(model).stream(streaming)
        .initiator(ChatRequestInspector.initiator(messages))
        .initiatorReason(ChatRequestInspector.initiatorReason(messages))
        .vision(ChatRequestInspector.hasImages(messages))
        .originalRequestBody(services.recorder().recordable(request.clientRaw()));
    services.catalog().snapshot().onComplete(catalog -> {
      if (catalog.failed() && !(catalog.cause() instanceof ModelCatalog.CatalogUnavailableException)) {
        // Copilot (or the token exchange) is unreachable: the chat call would fail the same way.
        endpoint.fail(exchange, catalog.cause());
        return;
      }
      Optional<CopilotModel> known = catalog.succeeded()
          ? Optional.ofNullable(catalog.result().byId().get(mapped.upstream())) : Optional.empty();
      Optional<UpstreamApi> route = UpstreamSelector.select(ClientApi.CHAT, known);
      if (route.isPresent() && route.get() != UpstreamApi.CHAT) {
        translated.forward(exchange, endpoint, ClientApi.CHAT, route.get(), body, mapped, known.get());
      } else {
        forwardNative(exchange, request, mapped);
      }
    });
  }

  private void forwardNative(Exchange exchange, ClientRequest request, MappedModel mapped) {
    JsonObject body = request.json();
    boolean modified = false;
    if (mapped.changed()) {
      body.put("model", mapped.upstream());
      modified = true;
    }
    if (needsMaxCompletionTokens(mapped.upstream()) && body.containsKey("max_tokens")
        && !body.containsKey("max_completion_tokens")) {
      body.put("max_completion_tokens", body.remove("max_tokens"));
      services.counters().increment(Counters.MAX_TOKENS_RENAMED);
      modified = true;
    }
    Buffer forwarded = modified ? body.toBuffer() : request.raw();
    boolean asSent = !modified && request.raw() == request.clientRaw();
    exchange.record().requestBody(!asSent ? services.recorder().recordable(forwarded)
        : exchange.record().originalRequestBody());
    String initiator = exchange.record().initiator();
    boolean vision = exchange.record().vision();
    boolean streaming = exchange.record().stream();

    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add(CopilotHeaders.X_INITIATOR, initiator);
    if (vision) {
      headers.add(CopilotHeaders.VISION, "true");
    }
    exchange.sending();
    Future<UpstreamResponse> answer = upstream
        .send(UpstreamCall.post("/chat/completions", forwarded, headers), exchange.cancellation());
    if (streaming) {
      boolean clientWantsUsage = wantsUsage(request.json());
      streamingAnswer.relay(exchange, answer,
          () -> new ChatStreamRelay(services.recorder().maxBodyBytes(), clientWantsUsage));
    } else {
      answer.onComplete(result -> {
        if (result.failed()) {
          endpoint.fail(exchange, result.cause());
        } else {
          endpoint.relayJson(exchange, result.result(), OpenAiUsage::fromResponse, null);
        }
      });
    }
  }

  private boolean needsMaxCompletionTokens(String model) {
    for (String prefix : services.config().maxCompletionTokensModels()) {
      if (model.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static boolean wantsUsage(JsonObject body) {
    return body.getValue("stream_options") instanceof JsonObject options
        && Boolean.TRUE.equals(options.getValue("include_usage"));
  }
}
