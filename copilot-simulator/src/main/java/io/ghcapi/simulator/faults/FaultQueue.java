package io.ghcapi.simulator.faults;

import io.ghcapi.simulator.Fault;
import io.ghcapi.simulator.FaultKind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Objects;

/** Pending faults in injection order; each request takes the first one that matches it. */
public final class FaultQueue {

  /** Enough for any test; keeps a runaway injector from growing the queue without bound. */
  public static final int MAX_PENDING = 1000;

  public static final String TOKEN_PATH = "/copilot_internal/v2/token";

  private final LinkedList<PendingFault> pending = new LinkedList<>();

  public synchronized void add(Fault fault) {
    Objects.requireNonNull(fault, "fault");
    if (pending.size() >= MAX_PENDING) {
      throw new IllegalStateException("too many pending faults (limit " + MAX_PENDING + ")");
    }
    pending.addLast(new PendingFault(fault));
  }

  public synchronized void clear() {
    pending.clear();
  }

  public synchronized List<Fault> pending() {
    List<Fault> copy = new ArrayList<>(pending.size());
    for (PendingFault entry : pending) {
      copy.add(entry.fault.times(entry.usesLeft));
    }
    return copy;
  }

  /**
   * Takes one use of the first fault matching a request.
   *
   * @param path the request path
   * @param dataPlane whether the path belongs to the Copilot API (faults without a prefix apply only there)
   * @return the fault to apply, or {@code null}
   */
  public synchronized Fault take(String path, boolean dataPlane) {
    if (pending.isEmpty()) {
      return null;
    }
    for (Iterator<PendingFault> it = pending.iterator(); it.hasNext(); ) {
      PendingFault entry = it.next();
      if (matches(entry.fault, path, dataPlane)) {
        if (--entry.usesLeft == 0) {
          it.remove();
        }
        return entry.fault;
      }
    }
    return null;
  }

  private static boolean matches(Fault fault, String path, boolean dataPlane) {
    if (fault.pathPrefix() == null) {
      return dataPlane;
    }
    if (!path.startsWith(fault.pathPrefix())) {
      return false;
    }
    return !(fault.kind() == FaultKind.UNAUTHORIZED && path.equals(TOKEN_PATH));
  }

  private static final class PendingFault {
    final Fault fault;
    int usesLeft;

    PendingFault(Fault fault) {
      this.fault = fault;
      this.usesLeft = fault.times();
    }
  }
}
