package io.ghcapi.gateway.anthropic;

import io.ghcapi.bus.Endpoints;
import io.ghcapi.gateway.GatewayServices;
import io.ghcapi.gateway.exchange.ClientEndpoint;
import io.ghcapi.gateway.exchange.Exchange;
import io.ghcapi.gateway.http.ApiError;
import io.ghcapi.translator.tokens.TokenCounter;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /v1/messages/count_tokens}, answered locally with a real tokenizer (on a worker thread: a
 * large conversation takes milliseconds to tokenize): Claude Code calls it to decide when to compact, and
 * Copilot has no such endpoint. Recorded in the history as a local answer.
 */
public final class CountTokensHandler implements Handler<RoutingContext> {

  static final double CLAUDE_FACTOR = 1.15;

  private final GatewayServices services;
  private final ClientEndpoint endpoint;
  private final TokenCounter counter;
  private final ContentFilters filters;

  public CountTokensHandler(GatewayServices services, ClientEndpoint endpoint, TokenCounter counter) {
    this.services = services;
    this.endpoint = endpoint;
    this.counter = counter;
    this.filters = new ContentFilters(services::config, services.counters());
  }

  /**
   * Claude's tokenizer yields about 15% more tokens than o200k_base on English and code; erring high makes
   * Claude Code compact before Copilot's prompt limit, not after it refused the request.
   */
  static int estimate(int o200kTokens, boolean claudeModel) {
    return claudeModel ? (int) Math.ceil(o200kTokens * CLAUDE_FACTOR) : o200kTokens;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Exchange exchange = services.recorder().open(ctx, Endpoints.COUNT_TOKENS);
    endpoint.read(exchange).onSuccess(request -> {
      JsonObject body = request.json();
      if (!(body.getValue("messages") instanceof JsonArray)) {
        endpoint.reject(exchange, ApiError.of(400, "invalid_messages", "messages: Field required (an array of messages).")
            .withParam("messages"));
        return;
      }
      filters.apply(body);
      boolean claude = body.getValue("model") instanceof String model
          && services.mapper().map(model).upstream().startsWith("claude");
      services.vertx().executeBlocking(() -> estimate(counter.countMessagesRequest(body), claude), false)
          .onComplete(count -> {
        if (count.failed()) {
          endpoint.fail(exchange, count.cause());
          return;
        }
        JsonObject answer = new JsonObject().put("input_tokens", count.result());
        ctx.json(answer);
        exchange.record().model(body.getString("model")).initiator("none")
            .initiatorReason("none: counted by the gateway, no Copilot call")
            .responseBody(answer.encode()).responseSize(answer.encode().length());
        exchange.finish(200, null);
      });
    });
  }
}
