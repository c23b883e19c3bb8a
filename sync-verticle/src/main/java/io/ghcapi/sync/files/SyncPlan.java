package io.ghcapi.sync.files;

import io.ghcapi.sync.files.ConfigSync.Direction;

/** What a push or a pull does with a file in a given state, and why it refuses or skips. */
final class SyncPlan {

  enum Step {
    COPY, UNCHANGED, SKIP
  }

  private SyncPlan() {
  }

  /** Why copying this file would lose changes (refused without force), or null when it is safe. */
  static String blockReason(Direction direction, FileComparison comparison) {
    SyncState state = comparison.state();
    if (state == SyncState.CONFLICT) {
      return comparison.conflictReason();
    }
    if (direction == Direction.PUSH && state == SyncState.ONEDRIVE_CHANGED) {
      return "OneDrive has a newer version from another machine: pull it first";
    }
    if (direction == Direction.PULL && state == SyncState.LOCAL_CHANGED) {
      return "this machine has changes not pushed yet: push them first";
    }
    return null;
  }

  static Step step(Direction direction, FileComparison comparison) {
    SyncState state = comparison.state();
    if (state == SyncState.IN_SYNC) {
      return Step.UNCHANGED;
    }
    boolean source = direction == Direction.PUSH ? comparison.local() != null : comparison.sync() != null;
    return source ? Step.COPY : Step.SKIP;
  }

  static String skipReason(Direction direction, FileComparison comparison) {
    return direction == Direction.PUSH ? "no local file at " + comparison.localPath()
        : "no copy in OneDrive at " + comparison.syncPath();
  }
}
