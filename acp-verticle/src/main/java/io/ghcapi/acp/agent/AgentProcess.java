package io.ghcapi.acp.agent;

import io.ghcapi.acp.rpc.LineChannel;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An agent's operating-system process and its three pipes. Each pipe has its own daemon thread, so no
 * Vert.x thread ever blocks on it: stdout is split into bounded lines handed to the owner's context (with a
 * bound on lines handed over but not yet taken), stderr is drained into a tail kept for error messages, and
 * stdin is written from a bounded queue. {@link #exited()} completes on the owner's context once the process
 * has ended and every line it wrote has been handed over.
 */
public final class AgentProcess implements LineChannel {

  private static final Logger LOG = Logger.getLogger(AgentProcess.class.getName());
  private static final byte[] END_OF_INPUT = new byte[0];
  /** A process that closed its stdout cannot talk any more; it is ended after this. */
  private static final long SILENT_PROCESS_MILLIS = 2_000;

  private final Vertx vertx;
  private final Context context;
  private final Process process;
  private final String name;
  private final int maxLineBytes;
  private final long maxQueuedBytes;
  private final Semaphore handedOver;
  private final int handOverCapacity;
  private final BlockingQueue<byte[]> outbox = new LinkedBlockingQueue<>();
  private final AtomicLong queuedBytes = new AtomicLong();
  private final OutputTail stderr = new OutputTail(16 * 1024);
  private final Promise<Integer> exit = Promise.promise();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean inputClosed;
  private boolean stdoutEnded;
  private Integer exitCode;
  private boolean stopping;

  private AgentProcess(Vertx vertx, Context context, Process process, String name, int maxLineBytes,
      long maxQueuedBytes) {
    this.vertx = vertx;
    this.context = context;
    this.process = process;
    this.name = name;
    this.maxLineBytes = maxLineBytes;
    this.maxQueuedBytes = maxQueuedBytes;
    this.handOverCapacity = Math.max(maxLineBytes, 8 << 20);
    this.handedOver = new Semaphore(handOverCapacity);
  }

  /**
   * Starts the process (the fork happens on a worker thread). Its stdout is not read until
   * {@link #listen(Handler, Handler)}.
   *
   * @param maxLineBytes bound of one stdout line
   * @param maxQueuedBytes bound of what waits to be written to stdin
   */
  public static Future<AgentProcess> start(Vertx vertx, ProcessSpec spec, ProcessRegistry registry, int maxLineBytes,
      long maxQueuedBytes) {
    Context context = vertx.getOrCreateContext();
    return vertx.executeBlocking(() -> {
      ProcessBuilder builder = new ProcessBuilder(spec.command()).directory(spec.workingDirectory().toFile());
      if (!spec.inheritEnvironment()) {
        builder.environment().clear();
      }
      builder.environment().putAll(spec.environment());
      Process process = builder.start();
      registry.add(process);
      return process;
    }, false).map(process -> {
      AgentProcess agent = new AgentProcess(vertx, context, process, spec.name(), maxLineBytes, maxQueuedBytes);
      agent.startPlumbing();
      return agent;
    });
  }

  /**
   * Starts reading stdout.
   *
   * @param lines each line, on the owner's context
   * @param overlong a line longer than the bound was dropped (its length so far), on the owner's context
   */
  public void listen(Handler<String> lines, Handler<Long> overlong) {
    Thread reader = daemon("stdout", () -> {
      try {
        new BoundedLineReader(maxLineBytes).pump(process.getInputStream(), new BoundedLineReader.Sink() {
          @Override
          public void line(String line) throws InterruptedException {
            int permits = Math.max(1, Math.min(line.length(), handOverCapacity));
            while (!handedOver.tryAcquire(permits, 1, TimeUnit.SECONDS)) {
              if (!process.isAlive()) {
                throw new InterruptedException("nobody takes the output of an ended process");
              }
            }
            context.runOnContext(v -> {
              handedOver.release(permits);
              lines.handle(line);
            });
          }

          @Override
          public void overlong(long bytes) {
            context.runOnContext(v -> overlong.handle(bytes));
          }
        });
      } catch (IOException e) {
        LOG.log(Level.FINE, "acp: reading the output of " + name + " stopped", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      context.runOnContext(v -> stdoutEnded());
    });
    reader.start();
  }

  private void startPlumbing() {
    daemon("stderr", this::drainStderr).start();
    daemon("stdin", this::writeStdin).start();
    process.onExit().thenRun(() -> context.runOnContext(v -> processEnded()));
  }

  private Thread daemon(String pipe, Runnable body) {
    Thread thread = new Thread(body, "acp-" + name + "-" + process.pid() + "-" + pipe);
    thread.setDaemon(true);
    threads.add(thread);
    return thread;
  }

  private void drainStderr() {
    byte[] buffer = new byte[8192];
    try (InputStream in = process.getErrorStream()) {
      int read;
      while ((read = in.read(buffer)) != -1) {
        stderr.append(buffer, read);
        if (LOG.isLoggable(Level.FINE)) {
          String chunk = new String(buffer, 0, Math.min(read, 300), StandardCharsets.UTF_8);
          LOG.fine("acp: " + name + " stderr: " + chunk.strip());
        }
      }
    } catch (IOException e) {
      LOG.log(Level.FINE, "acp: the stderr of " + name + " closed", e);
    }
  }

  private void writeStdin() {
    try (OutputStream out = process.getOutputStream()) {
      while (true) {
        byte[] line = outbox.take();
        if (line == END_OF_INPUT) {
          return;
        }
        queuedBytes.addAndGet(-line.length);
        out.write(line);
        if (outbox.isEmpty()) {
          out.flush();
        }
      }
    } catch (IOException e) {
      LOG.log(Level.FINE, "acp: writing to " + name + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      inputClosed = true;
      outbox.clear();
    }
  }

  @Override
  public boolean send(String line) {
    if (inputClosed) {
      return false;
    }
    byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
    if (queuedBytes.addAndGet(bytes.length) > maxQueuedBytes) {
      queuedBytes.addAndGet(-bytes.length);
      LOG.warning(() -> "acp: " + name + " does not read its input; a message was not sent");
      return false;
    }
    return outbox.offer(bytes);
  }

  private void stdoutEnded() {
    stdoutEnded = true;
    if (exitCode != null) {
      exit.tryComplete(exitCode);
    } else {
      vertx.setTimer(SILENT_PROCESS_MILLIS, t -> {
        if (process.isAlive()) {
          LOG.warning(() -> "acp: " + name + " closed its output but kept running; ending it");
          ProcessTrees.kill(process, ProcessTrees.snapshot(process), true);
        }
      });
    }
  }

  private void processEnded() {
    exitCode = process.exitValue();
    closeInput();
    if (stdoutEnded) {
      exit.tryComplete(exitCode);
    } else {
      // A grandchild may hold stdout open: do not wait for it for long.
      vertx.setTimer(SILENT_PROCESS_MILLIS, t -> exit.tryComplete(exitCode));
    }
  }

  /** Completes with the exit code once the process ended and its output was handed over. */
  public Future<Integer> exited() {
    return exit.future();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  /** The end of what the process wrote to stderr. */
  public String stderrTail(int maxChars) {
    return stderr.last(maxChars);
  }

  /**
   * Ends the process politely: closes its stdin, then after {@code graceMillis} sends SIGTERM to it and its
   * descendants, then after as long again SIGKILL.
   */
  public Future<Integer> stop(long graceMillis) {
    if (!stopping) {
      stopping = true;
      List<ProcessHandle> descendants = new ArrayList<>(ProcessTrees.snapshot(process));
      closeInput();
      vertx.setTimer(Math.max(1, graceMillis), t -> {
        if (process.isAlive()) {
          descendants.addAll(ProcessTrees.snapshot(process));
          ProcessTrees.kill(process, descendants, false);
        }
        vertx.setTimer(Math.max(1, graceMillis), t2 -> {
          ProcessTrees.kill(process, descendants, true);
        });
      });
      exit.future().onComplete(done -> descendants.forEach(child -> {
        if (child.isAlive()) {
          child.destroyForcibly();
        }
      }));
    }
    return exit.future();
  }

  /** Ends the process and its descendants at once (SIGKILL). */
  public void kill() {
    stopping = true;
    closeInput();
    ProcessTrees.kill(process, ProcessTrees.snapshot(process), true);
  }

  private void closeInput() {
    if (!inputClosed) {
      inputClosed = true;
      outbox.offer(END_OF_INPUT);
    }
  }
}
