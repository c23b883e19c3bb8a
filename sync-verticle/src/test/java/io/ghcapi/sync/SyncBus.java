package io.ghcapi.sync;

import io.ghcapi.bus.AdminCall;
import io.ghcapi.bus.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;

/** Calls the sync verticle on the bus as the gateway's relay does. */
final class SyncBus {

  private SyncBus() {
  }

  /** The {@code {status, body}} reply. */
  static JsonObject call(Vertx vertx, String method, String path, JsonObject query, Object body) {
    AdminCall call = new AdminCall(method, path, query == null ? new JsonObject() : query, body, null);
    return Await.result(vertx.eventBus().<JsonObject>request(Addresses.SYNC_API, call.toJson(),
        new DeliveryOptions().setSendTimeout(30_000))).body();
  }

  static JsonObject get(Vertx vertx, String path) {
    return call(vertx, "GET", path, null, null);
  }

  static JsonObject post(Vertx vertx, String path, JsonObject body) {
    return call(vertx, "POST", path, null, body);
  }

  /** The failure code of a call that must fail. */
  static int failureCode(Vertx vertx, String method, String path, JsonObject query, Object body) {
    try {
      call(vertx, method, path, query, body);
    } catch (ReplyException e) {
      return e.failureCode();
    }
    throw new AssertionError(method + " " + path + " did not fail");
  }
}
