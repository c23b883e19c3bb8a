package io.ghcapi.acp.agent;

import java.util.List;

/** Ending a process together with the processes it started (an adapter runs the real CLI as its child). */
public final class ProcessTrees {

  private ProcessTrees() {
  }

  /** The process's descendants now: taken before the parent dies, since orphans are re-parented. */
  public static List<ProcessHandle> snapshot(Process process) {
    try {
      return process.descendants().toList();
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  /**
   * Signals the descendants and then the process: SIGTERM, or SIGKILL when {@code force}.
   */
  public static void kill(Process process, List<ProcessHandle> descendants, boolean force) {
    for (ProcessHandle child : descendants) {
      if (child.isAlive()) {
        if (force) {
          child.destroyForcibly();
        } else {
          child.destroy();
        }
      }
    }
    if (process.isAlive()) {
      if (force) {
        process.destroyForcibly();
      } else {
        process.destroy();
      }
    }
  }
}
