package io.ghcapi.gateway.plugins;

import io.ghcapi.bus.Addresses;
import io.ghcapi.bus.plugin.InterceptDecision;
import io.ghcapi.bus.plugin.InterceptedRequest;
import io.ghcapi.bus.plugin.InterceptorRegistration;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.VerticleBase;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/** Small plugins for the tests, each a verticle deployed through the plugin host as a real plugin would be. */
public final class TestPlugins {

  private TestPlugins() {
  }

  /** Base: registers an interceptor named by config {@code name} and answers with {@link #decide}. */
  public abstract static class Interceptor extends VerticleBase {
    @Override
    public Future<?> start() {
      InterceptorRegistration registration = new InterceptorRegistration(config().getString("name", name()),
          config().getInteger("order", 100), config().getBoolean("include_body", true),
          config().getJsonArray("endpoints", new io.vertx.core.json.JsonArray()).stream().map(String::valueOf).toList());
      vertx.eventBus().<JsonObject>consumer(registration.address(), this::answer);
      return vertx.eventBus().request(Addresses.PLUGIN_REGISTER, registration.toJson());
    }

    void answer(Message<JsonObject> message) {
      InterceptDecision decision = decide(InterceptedRequest.fromJson(message.body()));
      if (decision != null) {
        message.reply(decision.toJson());
      }
    }

    abstract String name();

    abstract InterceptDecision decide(InterceptedRequest request);
  }

  /** Rewrites {@code model} to config {@code to}. */
  public static final class ModelRewriter extends Interceptor {
    @Override
    String name() {
      return "model-rewriter";
    }

    @Override
    InterceptDecision decide(InterceptedRequest request) {
      return InterceptDecision.replaceBody(request.body().copy().put("model", config().getString("to")));
    }
  }

  /** Denies every request with config {@code status} and {@code message}. */
  public static final class Denier extends Interceptor {
    @Override
    String name() {
      return "denier";
    }

    @Override
    InterceptDecision decide(InterceptedRequest request) {
      return InterceptDecision.deny(config().getInteger("status", 429), config().getString("message", "Over budget"));
    }
  }

  /** Allows everything (the trivial interceptor). */
  public static final class AllowAll extends Interceptor {
    @Override
    String name() {
      return "allow-all";
    }

    @Override
    InterceptDecision decide(InterceptedRequest request) {
      return InterceptDecision.allow();
    }
  }

  /** Answers only after config {@code delay_ms}, long past any deadline. */
  public static final class Sleeper extends Interceptor {
    @Override
    String name() {
      return "sleeper";
    }

    @Override
    void answer(Message<JsonObject> message) {
      vertx.setTimer(config().getLong("delay_ms", 1000L),
          id -> message.reply(InterceptDecision.deny(500, "too late to matter").toJson()));
    }

    @Override
    InterceptDecision decide(InterceptedRequest request) {
      return null;
    }
  }

  /** Fails every call, and answers nonsense on config {@code nonsense}. */
  public static final class Thrower extends Interceptor {
    @Override
    String name() {
      return "thrower";
    }

    @Override
    void answer(Message<JsonObject> message) {
      if (config().getBoolean("nonsense", false)) {
        message.reply(new JsonObject().put("action", "explode"));
      } else {
        message.fail(500, "plugin bug");
      }
    }

    @Override
    InterceptDecision decide(InterceptedRequest request) {
      return null;
    }
  }

  /** Fails its own start. */
  public static final class BrokenAtStart extends VerticleBase {
    @Override
    public Future<?> start() {
      return Future.failedFuture("missing webhook_url");
    }
  }

  /** A verticle with a constructor that throws. */
  public static final class BrokenConstructor extends AbstractVerticle {
    public BrokenConstructor() {
      throw new IllegalStateException("cannot be built");
    }
  }

}
