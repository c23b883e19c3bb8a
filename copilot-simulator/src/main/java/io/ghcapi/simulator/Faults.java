package io.ghcapi.simulator;

import io.ghcapi.simulator.faults.FaultQueue;
import java.util.List;

/** Injects failures into the simulator. Safe to call from any thread. */
public final class Faults {

  private final FaultQueue queue;

  Faults(FaultQueue queue) {
    this.queue = queue;
  }

  /** Queues a fault; faults are consumed in injection order by the requests they match. */
  public void inject(Fault fault) {
    queue.add(fault);
  }

  /** Removes every pending fault. */
  public void clear() {
    queue.clear();
  }

  /** The faults not used up yet, each with the number of uses left as {@code times}. */
  public List<Fault> pending() {
    return queue.pending();
  }
}
