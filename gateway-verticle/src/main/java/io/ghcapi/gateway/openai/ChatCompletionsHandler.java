package io.ghcapi.gateway.openai;

import io.ghcapi.bus.Endpoints;
import io.ghcapi.gateway.GatewayServices;
import io.ghcapi.gateway.exchange.Exchange;
import io.ghcapi.gateway.http.ApiError;
import io.ghcapi.gateway.http.BoundedBody;
import io.ghcapi.gateway.http.OpenAiErrors;
import io.ghcapi.gateway.models.MappedModel;
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

  static final int MAX_EVENT_BYTES = 8 << 20;

  private final GatewayServices services;
  private final UpstreamClient upstream;
  private final OpenAiEndpoint endpoint;

  public ChatCompletionsHandler(GatewayServices services, UpstreamClient upstream, OpenAiEndpoint endpoint) {
    this.services = services;
    this.upstream = upstream;
    this.endpoint = endpoint;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Exchange exchange = services.recorder().open(ctx, Endpoints.CHAT_COMPLETIONS);
    endpoint.read(exchange).onSuccess(request -> forward(exchange, request));
  }

  private void forward(Exchange exchange, ClientRequest request) {
    JsonObject body = request.json();
    if (!(body.getValue("model") instanceof String model) || model.isBlank()) {
      endpoint.reject(exchange, OpenAiEndpoint.invalid("missing_model", "'model' must be a non-empty string.", "model"));
      return;
    }
    if (!(body.getValue("messages") instanceof JsonArray messages)) {
      endpoint.reject(exchange, OpenAiEndpoint.invalid("invalid_messages", "'messages' must be an array of messages.",
          "messages"));
      return;
    }
    Object stream = body.getValue("stream");
    if (stream != null && !(stream instanceof Boolean)) {
      endpoint.reject(exchange, OpenAiEndpoint.invalid("invalid_stream", "'stream' must be true or false.", "stream"));
      return;
    }
    boolean streaming = Boolean.TRUE.equals(stream);
    boolean modified = false;
    MappedModel mapped = services.mapper().map(model);
    if (mapped.changed()) {
      body.put("model", mapped.upstream());
      services.counters().increment(Counters.MODEL_NAME_MAPPING);
      exchange.record().translatedModel(mapped.upstream());
      modified = true;
    }
    if (needsMaxCompletionTokens(mapped.upstream()) && body.containsKey("max_tokens")
        && !body.containsKey("max_completion_tokens")) {
      body.put("max_completion_tokens", body.remove("max_tokens"));
      services.counters().increment(Counters.MAX_TOKENS_RENAMED);
      modified = true;
    }
    String initiator = ChatRequestInspector.initiator(messages);
    boolean vision = ChatRequestInspector.hasImages(messages);
    Buffer forwarded = modified ? body.toBuffer() : request.raw();
    String original = services.recorder().recordable(request.raw());
    exchange.record().model(model).stream(streaming).initiator(initiator).vision(vision)
        .originalRequestBody(original)
        .requestBody(modified ? services.recorder().recordable(forwarded) : original);

    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add(CopilotHeaders.X_INITIATOR, initiator);
    if (vision) {
      headers.add(CopilotHeaders.VISION, "true");
    }
    exchange.sending();
    Future<UpstreamResponse> answer = upstream
        .send(UpstreamCall.post("/chat/completions", forwarded, headers), exchange.cancellation());
    if (streaming) {
      relayStream(exchange, answer, wantsUsage(body));
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

  /**
   * Waits briefly for Copilot's headers so an early error keeps its real HTTP status; past that grace the
   * SSE response is committed and kept alive, and a late error arrives as an OpenAI error frame.
   */
  private void relayStream(Exchange exchange, Future<UpstreamResponse> answer, boolean clientWantsUsage) {
    SseSink sink = new SseSink(services.vertx(), exchange.ctx().response(),
        services.config().sseKeepaliveIntervalMillis(), services.counters());
    long graceTimer = services.config().keepaliveEnabled()
        ? services.vertx().setTimer(Math.max(1, services.config().streamPreHeaderGraceMillis()), id -> sink.commit())
        : -1;
    answer.onComplete(result -> {
      if (graceTimer >= 0) {
        services.vertx().cancelTimer(graceTimer);
      }
      if (exchange.clientGone()) {
        sink.stopKeepalive();
        return;
      }
      if (result.failed()) {
        if (!sink.committed()) {
          endpoint.fail(exchange, result.cause());
        } else {
          ApiError error = FailureMapping.toApiError(result.cause());
          sink.end(ChatStreamRelay.errorFrame(error));
          exchange.finish(error.status(), error.message());
        }
        return;
      }
      UpstreamResponse upstream = result.result();
      exchange.record().attempts(upstream.attempts());
      if (!upstream.ok()) {
        relayStreamError(exchange, sink, upstream);
        return;
      }
      exchange.receiving();
      ChatStreamRelay relay = new ChatStreamRelay(services.recorder().maxBodyBytes(), clientWantsUsage);
      SsePump.run(upstream.response(), sink, relay, MAX_EVENT_BYTES).onSuccess(outcome -> {
        if (outcome == StreamOutcome.CLIENT_GONE) {
          return;
        }
        String response = relay.assembledResponse();
        exchange.record().tokens(relay.usage()).responseSize(sink.bytesWritten())
            .responseBody(services.recorder().recordable(response, response.length()));
        exchange.finish(relay.failure() == null ? 200 : 502, relay.failure());
      });
    });
  }

  private static boolean wantsUsage(JsonObject body) {
    return body.getValue("stream_options") instanceof JsonObject options
        && Boolean.TRUE.equals(options.getValue("include_usage"));
  }

  private void relayStreamError(Exchange exchange, SseSink sink, UpstreamResponse upstream) {
    BoundedBody.read(upstream.response(), OpenAiEndpoint.MAX_UPSTREAM_BODY).onComplete(read -> {
      Buffer body = read.succeeded() ? read.result() : Buffer.buffer();
      if (!sink.committed()) {
        sink.stopKeepalive();
        endpoint.relayError(exchange, upstream, body);
        return;
      }
      Buffer error = OpenAiErrors.fromUpstream(upstream.status(), body);
      sink.end(Buffer.buffer("data: ").appendBuffer(error).appendString("\n\n"));
      exchange.record().responseSize(sink.bytesWritten()).responseBody(services.recorder().recordable(error));
      exchange.finish(upstream.status(), "Copilot answered HTTP " + upstream.status());
    });
  }
}
