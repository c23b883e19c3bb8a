package io.ghcapi.gateway.util;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/** Helpers for futures shared between verticle instances that run on different event loops. */
public final class Contexts {

  private Contexts() {
  }

  /**
   * The same outcome, delivered on the calling context. A future completed by another event loop (a
   * single-flight token refresh started by another gateway instance, say) would otherwise run this
   * caller's continuation on that other thread.
   */
  public static <T> Future<T> onCallerContext(Future<T> shared) {
    Context caller = Vertx.currentContext();
    if (caller == null || shared.isComplete()) {
      return shared;
    }
    Promise<T> local = Promise.promise();
    shared.onComplete(result -> {
      if (Vertx.currentContext() == caller) {
        local.handle(result);
      } else {
        caller.runOnContext(v -> local.handle(result));
      }
    });
    return local.future();
  }
}
