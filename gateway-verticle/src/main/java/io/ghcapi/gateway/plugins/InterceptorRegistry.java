package io.ghcapi.gateway.plugins;

import io.ghcapi.bus.Addresses;
import io.ghcapi.bus.BusErrorCode;
import io.ghcapi.bus.plugin.InterceptorRegistration;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * The request interceptors registered on this node, in the order they run, with what each has done. Read on
 * every request (a volatile snapshot, so the hot path takes no lock and, with none registered, does nothing).
 */
public final class InterceptorRegistry {

  /** More would make every request a long chain of bus calls; a deployment needs a handful at most. */
  public static final int MAX_INTERCEPTORS = 32;
  private static final Logger LOG = Logger.getLogger(InterceptorRegistry.class.getName());
  private static final Comparator<Interceptor> ORDER =
      Comparator.comparingInt((Interceptor i) -> i.registration().order()).thenComparing(i -> i.registration().name());

  private volatile List<Interceptor> interceptors = List.of();

  /** One registered interceptor and its counters. */
  public record Interceptor(InterceptorRegistration registration, long registeredAt, Tally tally) {
  }

  /** What an interceptor has done since it registered. */
  public static final class Tally {
    final LongAdder calls = new LongAdder();
    final LongAdder allowed = new LongAdder();
    final LongAdder modified = new LongAdder();
    final LongAdder denied = new LongAdder();
    final LongAdder timeouts = new LongAdder();
    final LongAdder failures = new LongAdder();

    JsonObject toJson() {
      return new JsonObject().put("calls", calls.sum()).put("allowed", allowed.sum()).put("modified", modified.sum())
          .put("denied", denied.sum()).put("timeouts", timeouts.sum()).put("failures", failures.sum());
    }
  }

  public boolean isEmpty() {
    return interceptors.isEmpty();
  }

  /** The interceptors now registered, in running order. */
  public List<Interceptor> snapshot() {
    return interceptors;
  }

  public synchronized void register(InterceptorRegistration registration) {
    List<Interceptor> next = new ArrayList<>(interceptors);
    next.removeIf(i -> i.registration().name().equals(registration.name()));
    if (next.size() >= MAX_INTERCEPTORS) {
      throw new IllegalStateException("at most " + MAX_INTERCEPTORS + " request interceptors may be registered");
    }
    next.add(new Interceptor(registration, System.currentTimeMillis(), new Tally()));
    next.sort(ORDER);
    interceptors = List.copyOf(next);
    LOG.info("Request interceptor '" + registration.name() + "' registered (order " + registration.order() + ")");
  }

  public synchronized boolean unregister(String name) {
    List<Interceptor> next = new ArrayList<>(interceptors);
    boolean removed = next.removeIf(i -> i.registration().name().equals(name));
    if (removed) {
      interceptors = List.copyOf(next);
      LOG.info("Request interceptor '" + name + "' unregistered");
    }
    return removed;
  }

  public JsonArray toJson() {
    JsonArray list = new JsonArray();
    for (Interceptor interceptor : interceptors) {
      list.add(interceptor.registration().toJson().put("address", interceptor.registration().address())
          .put("registered_at", interceptor.registeredAt()).put("stats", interceptor.tally().toJson()));
    }
    return list;
  }

  /** Answers {@link Addresses#PLUGIN_REGISTER} and {@link Addresses#PLUGIN_UNREGISTER} on this node. */
  public Future<List<MessageConsumer<JsonObject>>> listen(Vertx vertx) {
    MessageConsumer<JsonObject> register = vertx.eventBus().localConsumer(Addresses.PLUGIN_REGISTER, message -> {
      try {
        InterceptorRegistration registration = InterceptorRegistration.fromJson(message.body());
        register(registration);
        message.reply(new JsonObject().put("registered", registration.name()));
      } catch (IllegalArgumentException | IllegalStateException e) {
        message.fail(BusErrorCode.BAD_REQUEST.code(), e.getMessage());
      }
    });
    MessageConsumer<JsonObject> unregister = vertx.eventBus().localConsumer(Addresses.PLUGIN_UNREGISTER,
        message -> message.reply(new JsonObject().put("unregistered",
            message.body() != null && unregister(message.body().getString("name")))));
    return Future.all(register.completion(), unregister.completion()).map(done -> List.of(register, unregister));
  }
}
