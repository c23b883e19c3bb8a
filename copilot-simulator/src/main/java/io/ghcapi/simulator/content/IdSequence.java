package io.ghcapi.simulator.content;

import java.util.concurrent.atomic.AtomicLong;

/** Numbers for the ids the simulator makes up ({@code call_sim_<n>}, {@code msg_sim_<n>}, ...). */
public final class IdSequence {

  private final AtomicLong last = new AtomicLong();

  public long next() {
    return last.incrementAndGet();
  }
}
