package io.ghcapi.sync.tools;

/**
 * How a child process ended.
 *
 * @param exitCode its exit code; -1 when it did not start or was killed for taking too long
 * @param timedOut it was killed (with its descendants) when the time ran out
 * @param stdoutTail the last characters of its standard output (bounded)
 * @param stderrTail the last characters of its standard error (bounded)
 * @param durationMillis from start to end
 * @param startError why it could not start, or null
 */
public record ProcessResult(int exitCode, boolean timedOut, String stdoutTail, String stderrTail, long durationMillis,
    String startError) {

  public boolean succeeded() {
    return startError == null && !timedOut && exitCode == 0;
  }
}
