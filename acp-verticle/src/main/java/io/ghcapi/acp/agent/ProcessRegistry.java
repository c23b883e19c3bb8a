package io.ghcapi.acp.agent;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every process this verticle started (agents and their terminals), so that none outlives it: they are ended
 * when the verticle stops and, by a shutdown hook, when the JVM exits.
 */
public final class ProcessRegistry {

  private final Set<Process> live = ConcurrentHashMap.newKeySet();

  public void add(Process process) {
    live.add(process);
    process.onExit().thenRun(() -> live.remove(process));
  }

  public int size() {
    return live.size();
  }

  /** Ends every process and its descendants at once (SIGKILL); for the last moments of the JVM. */
  public void killAll() {
    for (Process process : List.copyOf(live)) {
      ProcessTrees.kill(process, ProcessTrees.snapshot(process), true);
    }
  }
}
