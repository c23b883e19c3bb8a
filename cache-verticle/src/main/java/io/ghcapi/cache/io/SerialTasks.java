package io.ghcapi.cache.io;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * Runs asynchronous tasks one after another, in submission order, on the event loop that submits them:
 * the single writer behind each file, so its writes never interleave and a compaction never runs beside
 * an append. The number of waiting tasks is bounded.
 */
public final class SerialTasks {

  private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
  private final int maxWaiting;
  private boolean running;

  public SerialTasks(int maxWaiting) {
    this.maxWaiting = maxWaiting;
  }

  public <T> Future<T> submit(Supplier<Future<T>> task) {
    if (waiting.size() >= maxWaiting) {
      return Future.failedFuture(new IllegalStateException("more than " + maxWaiting + " file tasks waiting"));
    }
    Promise<T> promise = Promise.promise();
    waiting.add(() -> {
      Future<T> result;
      try {
        result = task.get();
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      result.onComplete(outcome -> {
        running = false;
        promise.handle(outcome);
        runNext();
      });
    });
    if (!running) {
      runNext();
    }
    return promise.future();
  }

  private void runNext() {
    if (running) {
      return;
    }
    Runnable next = waiting.poll();
    if (next != null) {
      running = true;
      next.run();
    }
  }
}
