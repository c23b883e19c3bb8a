package io.ghcapi.cache;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import io.ghcapi.bus.Addresses;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Test helpers: deploy the cache, talk to it over the bus as the gateway and the admin API would. */
final class Bus {

  static final long TIMEOUT_SECONDS = 30;

  private Bus() {
  }

  /** A config with short intervals, under a test directory. */
  static JsonObject config(Path dir, String nodeId) {
    return new JsonObject()
        .put("node_id", nodeId)
        .put("history_dir", dir.resolve("history").toString())
        .put("requests_dir", dir.resolve("requests").toString())
        .put("flush_interval_ms", 50)
        .put("stats_snapshot_interval_ms", 200)
        .put("peers_sync", false);
  }

  static String deploy(Vertx vertx, JsonObject config) {
    return await(vertx.deployVerticle(new CacheVerticle(), new DeploymentOptions().setConfig(config)));
  }

  static void undeploy(Vertx vertx, String deploymentId) {
    await(vertx.undeploy(deploymentId));
  }

  static JsonObject request(Vertx vertx, String address, JsonObject body) {
    return await(vertx.eventBus().<JsonObject>request(address, body)).body();
  }

  static ReplyException failure(Vertx vertx, String address, JsonObject body) {
    try {
      vertx.eventBus().request(address, body).await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ReplyException e) {
      return e;
    } catch (Exception e) {
      return assertInstanceOf(ReplyException.class, e.getCause() == null ? e : e.getCause());
    }
    return fail("expected " + address + " to fail");
  }

  static void started(Vertx vertx, JsonObject record) {
    vertx.eventBus().publish(Addresses.REQUEST_STARTED, record);
  }

  static void completed(Vertx vertx, JsonObject record) {
    vertx.eventBus().publish(Addresses.REQUEST_COMPLETED, record);
  }

  static JsonObject list(Vertx vertx, JsonObject query) {
    return request(vertx, Addresses.HISTORY_LIST, query);
  }

  static JsonObject stats(Vertx vertx) {
    return request(vertx, Addresses.STATS_GET, new JsonObject());
  }

  /** Waits until the cache holds {@code total} entries (records travel asynchronously). */
  static void awaitTotal(Vertx vertx, int total) {
    awaitTrue(() -> list(vertx, new JsonObject()).getInteger("total") == total,
        () -> "history total is " + list(vertx, new JsonObject()).getInteger("total") + ", expected " + total);
  }

  static void awaitTrue(BooleanSupplier condition, Supplier<String> message) {
    long deadline = System.currentTimeMillis() + TIMEOUT_SECONDS * 1000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        fail(message.get());
      }
      sleep(10);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static <T> T await(Future<T> future) {
    try {
      return future.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return fail("timed out", e);
    }
  }

  /** Heap in use after a full collection, in bytes. */
  static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      sleep(50);
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
