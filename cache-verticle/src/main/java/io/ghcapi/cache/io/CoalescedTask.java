package io.ghcapi.cache.io;

import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * A task on a {@link SerialTasks} queue that is asked for often (a flush at every record and timer tick,
 * a snapshot at every tick) but queued at most once: while it waits to run, asking again returns that
 * same run, which will see everything that happened by the time it starts.
 */
public final class CoalescedTask {

  private final SerialTasks tasks;
  private final Supplier<Future<Void>> task;
  private Future<Void> waiting;
  private boolean waitingStarted = true;

  public CoalescedTask(SerialTasks tasks, Supplier<Future<Void>> task) {
    this.tasks = tasks;
    this.task = task;
  }

  public Future<Void> request() {
    if (!waitingStarted) {
      return waiting;
    }
    waitingStarted = false;
    Future<Void> next = tasks.submit(() -> {
      waitingStarted = true;
      return task.get();
    });
    if (next.failed()) {
      waitingStarted = true;
    }
    waiting = next;
    return next;
  }
}
