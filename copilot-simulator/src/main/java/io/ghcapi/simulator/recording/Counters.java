package io.ghcapi.simulator.recording;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The simulator's counters, written on the event loop and read from anywhere. */
public final class Counters {

  // Keys are route paths of the data plane, a fixed handful, so the map stays small.
  private final Map<String, AtomicInteger> requestsByPath = new ConcurrentHashMap<>();
  private final AtomicInteger tokenExchanges = new AtomicInteger();
  private final AtomicInteger streamsStarted = new AtomicInteger();
  private final AtomicInteger streamsCompleted = new AtomicInteger();
  private final AtomicInteger streamsCancelled = new AtomicInteger();
  private final AtomicInteger streamsReset = new AtomicInteger();

  public void requestSeen(String routePath) {
    requestsByPath.computeIfAbsent(routePath, p -> new AtomicInteger()).incrementAndGet();
  }

  public void tokenExchanged() {
    tokenExchanges.incrementAndGet();
  }

  public void streamStarted() {
    streamsStarted.incrementAndGet();
  }

  public void streamCompleted() {
    streamsCompleted.incrementAndGet();
  }

  public void streamCancelled() {
    streamsCancelled.incrementAndGet();
  }

  public void streamReset() {
    streamsReset.incrementAndGet();
  }

  public int tokenExchanges() {
    return tokenExchanges.get();
  }

  public int streamsStarted() {
    return streamsStarted.get();
  }

  public int streamsCompleted() {
    return streamsCompleted.get();
  }

  public int streamsCancelled() {
    return streamsCancelled.get();
  }

  public int streamsReset() {
    return streamsReset.get();
  }

  public int requests(String path) {
    AtomicInteger count = requestsByPath.get(path);
    return count == null ? 0 : count.get();
  }

  public Map<String, Integer> requestsByPath() {
    Map<String, Integer> copy = new TreeMap<>();
    requestsByPath.forEach((path, count) -> copy.put(path, count.get()));
    return copy;
  }

  public void reset() {
    requestsByPath.clear();
    tokenExchanges.set(0);
    streamsStarted.set(0);
    streamsCompleted.set(0);
    streamsCancelled.set(0);
    streamsReset.set(0);
  }
}
