package io.ghcapi.examples.budget;

import io.ghcapi.bus.Addresses;
import io.ghcapi.bus.plugin.InterceptDecision;
import io.ghcapi.bus.plugin.InterceptedRequest;
import io.ghcapi.bus.plugin.InterceptorRegistration;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A per-user daily token budget. Before each model request the gateway asks this plugin; when the user's
 * tokens of the last 24 hours (read from the history with {@code ghc.usage.get}) have reached the budget, it
 * denies the request with 429 and says why, in the client's own error shape.
 *
 * <p>Config: {@code daily_token_budget} (tokens per user, required), {@code user_budgets} ({@code {user: tokens}}
 * overrides; 0 = unlimited), {@code refresh_ms} (how long a user's usage is reused, default 2000),
 * {@code name} (default {@code budget-guard}), {@code order} (default 10).
 */
public final class BudgetGuard extends VerticleBase {

  private static final List<String> MODEL_ENDPOINTS = List.of("/v1/chat/completions", "/v1/messages", "/v1/responses");

  private BudgetPolicy policy;
  private UsageCache usage;
  private InterceptorRegistration registration;
  private MessageConsumer<JsonObject> consumer;

  @Override
  public Future<?> start() {
    try {
      policy = BudgetPolicy.from(config());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    usage = new UsageCache(vertx, config().getLong("refresh_ms", 2_000L));
    registration = new InterceptorRegistration(config().getString("name", "budget-guard"),
        config().getInteger("order", 10), false, MODEL_ENDPOINTS);
    consumer = vertx.eventBus().consumer(registration.address(), this::decide);
    return consumer.completion()
        .compose(v -> vertx.eventBus().request(Addresses.PLUGIN_REGISTER, registration.toJson()));
  }

  @Override
  public Future<?> stop() {
    return vertx.eventBus().request(Addresses.PLUGIN_UNREGISTER, new JsonObject().put("name", registration.name()))
        .recover(gatewayGone -> Future.succeededFuture())
        .compose(v -> consumer.unregister());
  }

  private void decide(Message<JsonObject> message) {
    InterceptedRequest request = InterceptedRequest.fromJson(message.body());
    long budget = policy.budgetOf(request.userId());
    if (budget <= 0) {
      message.reply(InterceptDecision.allow().toJson());
      return;
    }
    usage.tokensOfLastDay(request.userId()).onComplete(used -> {
      if (used.failed()) {
        // Without usage data the guard cannot judge; it lets the request through rather than block everyone.
        message.reply(InterceptDecision.allow().toJson());
      } else if (used.result() >= budget) {
        message.reply(InterceptDecision.deny(429, "Daily token budget of " + budget + " tokens for user '"
            + request.userId() + "' is used up (" + used.result() + " tokens in the last 24 hours). "
            + "It frees up as older usage leaves the 24-hour window.").toJson());
      } else {
        message.reply(InterceptDecision.allow().toJson());
      }
    });
  }
}
