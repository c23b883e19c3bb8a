package io.ghcapi.sync;

import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Blocks the test thread on a future, with a deadline so a hang fails the test instead of the build. */
final class Await {

  private Await() {
  }

  static <T> T result(Future<T> future) {
    try {
      return future.await(30, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("no result within 30 s", e);
    }
  }
}
