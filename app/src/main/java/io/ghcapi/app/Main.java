package io.ghcapi.app;

import picocli.CommandLine;

/** Entry point of {@code java -jar ghc-api.jar}. */
public final class Main {

  private Main() {
  }

  public static void main(String[] args) {
    System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
    System.setProperty("vertx.disableDnsResolver", "false");
    GhcApiCommand command = new GhcApiCommand(System.getenv(), System.out, System.err);
    int code = new CommandLine(command).execute(args);
    if (command.server() == null) {
      System.exit(code);
    }
  }
}
