package io.ghcapi.sync.tools;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a child process to its end on the calling (worker) thread, with a time limit that kills the whole
 * process tree, standard input closed, and its output kept as bounded tails and handed line by line to a
 * listener. Never call it on an event loop.
 */
public final class ProcessRunner {

  /** Receives each output line as it comes; {@code stream} is {@code stdout} or {@code stderr}. */
  @FunctionalInterface
  public interface LineListener {
    void line(String stream, String line);
  }

  private static final long READER_JOIN_MILLIS = 2000;

  private final Map<String, String> environment;
  private final int tailChars;

  /**
   * @param environment the child's whole environment
   * @param tailChars how many characters of each stream the result keeps
   */
  public ProcessRunner(Map<String, String> environment, int tailChars) {
    this.environment = environment;
    this.tailChars = tailChars;
  }

  public ProcessResult run(List<String> command, Path workDir, long timeoutMillis, LineListener listener) {
    long started = System.nanoTime();
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().putAll(environment);
    if (workDir != null) {
      builder.directory(workDir.toFile());
    }
    Process process;
    try {
      process = builder.start();
    } catch (IOException | RuntimeException e) {
      return new ProcessResult(-1, false, "", "", elapsed(started), String.valueOf(e.getMessage()));
    }
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // nothing to close
    }
    OutputTail out = new OutputTail(tailChars);
    OutputTail err = new OutputTail(tailChars);
    Thread outReader = reader(process, "stdout", out, listener);
    Thread errReader = reader(process, "stderr", err, listener);
    boolean finished;
    try {
      finished = process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      finished = false;
    }
    if (!finished) {
      killTree(process);
    }
    join(outReader);
    join(errReader);
    int exit = finished ? process.exitValue() : -1;
    return new ProcessResult(exit, !finished, out.toString(), err.toString(), elapsed(started), null);
  }

  /** Kills the descendants first (they would otherwise be orphaned and keep the pipes open), then the process. */
  static void killTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(READER_JOIN_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
  }

  private static Thread reader(Process process, String stream, OutputTail tail, LineListener listener) {
    Thread thread = new Thread(new LineReader(stream.equals("stdout") ? process.getInputStream()
        : process.getErrorStream(), line -> {
          tail.append(line);
          if (listener != null) {
            listener.line(stream, line);
          }
        }), "ghc-sync-process-" + stream);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void join(Thread reader) {
    try {
      reader.join(READER_JOIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long elapsed(long startedNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
  }
}
