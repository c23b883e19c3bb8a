package io.ghcapi.gateway.translate;

import io.ghcapi.gateway.GatewayServices;
import io.ghcapi.gateway.exchange.ClientEndpoint;
import io.ghcapi.gateway.exchange.Exchange;
import io.ghcapi.gateway.exchange.StreamingAnswer;
import io.ghcapi.gateway.http.ApiError;
import io.ghcapi.gateway.models.CopilotModel;
import io.ghcapi.gateway.models.MappedModel;
import io.ghcapi.gateway.openai.OpenAiUsage;
import io.ghcapi.gateway.routing.ClientApi;
import io.ghcapi.gateway.routing.UpstreamApi;
import io.ghcapi.gateway.upstream.CopilotHeaders;
import io.ghcapi.gateway.upstream.UpstreamCall;
import io.ghcapi.gateway.upstream.UpstreamClient;
import io.ghcapi.gateway.upstream.UpstreamResponse;
import io.ghcapi.translator.TranslatedRequest;
import io.ghcapi.translator.TranslationException;
import io.ghcapi.translator.Warnings;
import io.ghcapi.translator.responses.ResponsesFailedException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;

/**
 * Serves a client through a Copilot endpoint of another API, with Chat Completions as the hub: the request
 * goes client API → Chat → upstream API, the answer (whole or streamed) upstream API → Chat → client API.
 * What a translation cannot carry exactly is reported in {@code X-GHC-Compatibility-Warnings}.
 */
public final class TranslatedExchange implements TranslatedRoute {

  static final String WARNINGS_HEADER = "X-GHC-Compatibility-Warnings";

  private final GatewayServices services;
  private final UpstreamClient upstream;

  public TranslatedExchange(GatewayServices services, UpstreamClient upstream) {
    this.services = services;
    this.upstream = upstream;
  }

  @Override
  public void forward(Exchange exchange, ClientEndpoint endpoint, ClientApi client, UpstreamApi upstreamApi,
      JsonObject clientBody, MappedModel mapped, CopilotModel model) {
    Translation translation = Translation.of(client, upstreamApi, mapped, model, clientBody);
    TranslatedRequest request;
    try {
      request = translation.request(clientBody, services.config().maxCompletionTokensModels());
    } catch (TranslationException e) {
      endpoint.reject(exchange, ApiError.of(e.status(), "invalid_request", e.getMessage()).withParam(e.param()));
      return;
    }
    Warnings warnings = request.warnings();
    if (!warnings.isEmpty()) {
      exchange.ctx().response().putHeader(WARNINGS_HEADER, warnings.header());
    }
    Buffer forwarded = request.body().toBuffer();
    exchange.record().requestBody(services.recorder().recordable(forwarded));
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add(CopilotHeaders.X_INITIATOR, exchange.record().initiator());
    if (exchange.record().vision()) {
      headers.add(CopilotHeaders.VISION, "true");
    }
    exchange.sending();
    Future<UpstreamResponse> answer = upstream.send(UpstreamCall.post(upstreamApi.path(), forwarded, headers),
        exchange.cancellation());
    if (exchange.record().stream()) {
      new StreamingAnswer(services, endpoint).relay(exchange, answer,
          () -> new TranslatingRelay(out -> translation.encoder(out, request), translation::decoder));
    } else {
      answer.onComplete(result -> {
        if (result.failed()) {
          endpoint.fail(exchange, result.cause());
        } else {
          relayWhole(exchange, endpoint, translation, request, result.result());
        }
      });
    }
  }

  private void relayWhole(Exchange exchange, ClientEndpoint endpoint, Translation translation, TranslatedRequest request,
      UpstreamResponse response) {
    response.body(ClientEndpoint.MAX_UPSTREAM_BODY).onComplete(read -> {
      if (read.failed()) {
        endpoint.fail(exchange, read.cause());
        return;
      }
      exchange.receiving();
      exchange.record().attempts(response.attempts());
      if (!response.ok()) {
        endpoint.relayError(exchange, response, read.result());
        return;
      }
      JsonObject answer;
      JsonObject chat;
      try {
        chat = translation.toChat(new JsonObject(read.result()));
        answer = translation.fromChat(chat, request);
      } catch (ResponsesFailedException e) {
        endpoint.reject(exchange, ApiError.of(e.error().status(), e.error().code(), e.error().message()));
        return;
      } catch (RuntimeException e) {
        endpoint.reject(exchange, ApiError.of(502, "upstream_malformed_response",
            "Copilot's answer could not be translated: " + e.getMessage()));
        return;
      }
      Buffer out = answer.toBuffer();
      exchange.ctx().response().setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(out);
      exchange.record().tokens(OpenAiUsage.fromResponse(chat)).responseSize(out.length())
          .responseBody(services.recorder().recordable(out));
      exchange.finish(200, null);
    });
  }
}
