package io.ghcapi.simulator;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;

/** Runs the simulator on its own: {@code java -jar copilot-simulator.jar [options]}. */
public final class SimulatorMain {

  private static final int EXIT_USAGE = 2;
  private static final int EXIT_START_FAILED = 1;

  private SimulatorMain() {
  }

  public static void main(String[] args) {
    SimulatorOptions options;
    try {
      options = CommandLineOptions.parse(args);
    } catch (CommandLineOptions.UsageException e) {
      System.err.println("copilot-simulator: " + e.getMessage());
      System.err.println(CommandLineOptions.USAGE);
      System.exit(EXIT_USAGE);
      return;
    }
    if (options == null) {
      System.out.println(CommandLineOptions.USAGE);
      return;
    }
    Vertx vertx = Vertx.vertx();
    String host = options.host();
    CopilotSimulator.start(vertx, options)
        .onSuccess(simulator -> {
          Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(vertx), "copilot-simulator-shutdown"));
          System.out.println("copilot-simulator listening on http://" + host + ":" + simulator.port());
          System.out.flush();
        })
        .onFailure(failure -> {
          System.err.println("copilot-simulator: could not start: " + failure.getMessage());
          vertx.close();
          System.exit(EXIT_START_FAILED);
        });
  }

  /** Runs on SIGTERM / SIGINT: closes the server, cutting open streams, within a few seconds. */
  private static void stop(Vertx vertx) {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("copilot-simulator: unclean shutdown: " + e);
    }
  }
}
