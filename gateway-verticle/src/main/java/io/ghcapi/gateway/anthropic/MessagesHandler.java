package io.ghcapi.gateway.anthropic;

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
import java.util.Set;

/**
 * {@code POST /v1/messages}: Anthropic clients (Claude Code, anthropic SDKs) with any Copilot model. Claude
 * models Copilot serves natively get the request as is (with the fixes Copilot needs); every other model
 * is reached through translation. Errors use the Anthropic shape.
 */
public final class MessagesHandler implements Handler<RoutingContext> {

  /** Client betas Copilot's Messages endpoint understands; others are not forwarded. */
  private static final Set<String> FORWARDED_BETAS = Set.of("interleaved-thinking-2025-05-14",
      "context-management-2025-06-27", "advanced-tool-use-2025-11-20", "extended-cache-ttl-2025-04-11");

  private final GatewayServices services;
  private final UpstreamClient upstream;
  private final ClientEndpoint endpoint;
  private final StreamingAnswer streaming;
  private final TranslatedRoute translated;
  private final ContentFilters filters;
  private final NativeMessagesFixes fixes;

  public MessagesHandler(GatewayServices services, UpstreamClient upstream, ClientEndpoint endpoint,
      TranslatedRoute translated) {
    this.services = services;
    this.upstream = upstream;
    this.endpoint = endpoint;
    this.streaming = new StreamingAnswer(services, endpoint);
    this.translated = translated;
    this.filters = new ContentFilters(services::config, services.counters());
    this.fixes = new NativeMessagesFixes(services.counters());
  }

  @Override
  public void handle(RoutingContext ctx) {
    Exchange exchange = services.recorder().open(ctx, Endpoints.MESSAGES);
    endpoint.read(exchange).onSuccess(request -> prepare(exchange, request));
  }

  private void prepare(Exchange exchange, ClientRequest request) {
    JsonObject body = request.json();
    exchange.record().originalRequestBody(services.recorder().recordable(request.clientRaw()));
    ApiError invalid = MessagesValidation.check(body);
    if (invalid != null) {
      endpoint.reject(exchange, invalid);
      return;
    }
    String model = body.getString("model");
    boolean stream = Boolean.TRUE.equals(body.getValue("stream"));
    JsonArray messages = body.getJsonArray("messages");
    exchange.record().model(model).stream(stream)
        .initiator(MessagesInspector.initiator(messages)).initiatorReason(MessagesInspector.initiatorReason(messages))
        .vision(MessagesInspector.hasImages(messages));
    filters.apply(body);
    MappedModel mapped = services.mapper().map(model);
    if (mapped.changed()) {
      services.counters().increment(Counters.MODEL_NAME_MAPPING);
      exchange.record().translatedModel(mapped.upstream());
    }
    if (ProbeAnswer.isProbe(body)) {
      exchange.record().initiatorReason("none: a max_tokens=1 probe, answered by the gateway without Copilot");
      ProbeAnswer.answer(exchange, model, stream, (int) Math.max(1, exchange.record().requestSize() / 4),
          services.recorder());
      return;
    }
    services.catalog().snapshot().onComplete(catalog -> {
      if (catalog.failed()) {
        endpoint.fail(exchange, catalog.cause());
        return;
      }
      Optional<CopilotModel> known = Optional.ofNullable(catalog.result().byId().get(mapped.upstream()));
      Optional<UpstreamApi> route = UpstreamSelector.select(ClientApi.MESSAGES, known);
      if (route.isEmpty()) {
        endpoint.reject(exchange, ApiError.of(400, "unsupported_model",
            "Model '" + model + "' cannot be served through /v1/messages."));
      } else if (route.get() == UpstreamApi.MESSAGES) {
        forwardNative(exchange, body, mapped, known.orElse(null), stream);
      } else {
        translated.forward(exchange, endpoint, ClientApi.MESSAGES, route.get(), body, mapped, known.get());
      }
    });
  }

  private void forwardNative(Exchange exchange, JsonObject body, MappedModel mapped, CopilotModel model,
      boolean stream) {
    Warnings warnings = new Warnings();
    body.put("model", mapped.upstream());
    if (model != null) {
      fixes.apply(body, model, warnings);
    }
    if (!warnings.isEmpty()) {
      exchange.ctx().response().putHeader("X-GHC-Compatibility-Warnings", warnings.header());
    }
    MultiMap headers = MultiMap.caseInsensitiveMultiMap()
        .add(CopilotHeaders.X_INITIATOR, exchange.record().initiator())
        .add("anthropic-version", "2023-06-01");
    String betas = forwardedBetas(exchange.ctx().request().getHeader("anthropic-beta"));
    if (!betas.isEmpty()) {
      headers.add("anthropic-beta", betas);
    }
    if (exchange.record().vision()) {
      headers.add(CopilotHeaders.VISION, "true");
    }
    exchange.sending();
    Future<UpstreamResponse> answer = sendRepairingOrphans(exchange, body, headers, OrphanedToolResults.MAX_REPAIRS);
    if (stream) {
      String echoedModel = mapped.changed() ? mapped.requested() : null;
      streaming.relay(exchange, answer, () -> new NativeMessagesRelay(services.recorder().maxBodyBytes(), echoedModel));
    } else {
      answer.onComplete(result -> {
        if (result.failed()) {
          endpoint.fail(exchange, result.cause());
        } else {
          endpoint.relayJson(exchange, result.result(),
              json -> AnthropicUsage.from(json.getValue("usage") instanceof JsonObject u ? u : null),
              mapped.changed() ? json -> json.put("model", mapped.requested()) : null);
        }
      });
    }
  }

  /**
   * Sends the request; when Copilot refuses it for orphaned tool results, removes them and sends again.
   * The answer handed on is unread, whatever its status.
   */
  private Future<UpstreamResponse> sendRepairingOrphans(Exchange exchange, JsonObject body, MultiMap headers,
      int repairsLeft) {
    Buffer forwarded = body.toBuffer();
    exchange.record().requestBody(services.recorder().recordable(forwarded));
    return upstream.send(UpstreamCall.post(UpstreamApi.MESSAGES.path(), forwarded, headers), exchange.cancellation())
        .compose(response -> {
          if (response.status() != 400 || repairsLeft == 0) {
            return Future.succeededFuture(response);
          }
          return response.body(ClientEndpoint.MAX_UPSTREAM_BODY).compose(errorBody -> {
            Set<String> orphans = OrphanedToolResults.orphanedIds(400, errorBody.toString());
            if (!orphans.isEmpty() && OrphanedToolResults.remove(body, orphans)) {
              services.counters().increment("mod.orphaned_tool_cleanup");
              return sendRepairingOrphans(exchange, body, headers, repairsLeft - 1);
            }
            return Future.succeededFuture(response.withBody(errorBody));
          });
        });
  }

  private static String forwardedBetas(String clientBetas) {
    if (clientBetas == null || clientBetas.isBlank()) {
      return "";
    }
    StringBuilder kept = new StringBuilder();
    for (String beta : clientBetas.split(",")) {
      String name = beta.trim();
      if (FORWARDED_BETAS.contains(name)) {
        kept.append(kept.length() == 0 ? "" : ",").append(name);
      }
    }
    return kept.toString();
  }
}
