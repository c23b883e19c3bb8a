package io.ghcapi.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@link GhcApiCommand} in-process with captured output, as {@code Main} does. */
final class Cli {

  /** The outcome of one run; {@link #command} gives access to a started server. */
  record Result(int code, String out, String err, GhcApiCommand command) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
    }
  }

  private static final ThreadLocal<ServerRun> LAST_STARTED = new ThreadLocal<>();

  private Cli() {
  }

  /** The server the last run on this thread started, if any; cleared by the call. */
  static java.util.Optional<ServerRun> lastStarted() {
    ServerRun run = LAST_STARTED.get();
    LAST_STARTED.remove();
    return java.util.Optional.ofNullable(run);
  }

  static Result run(Path configDir, Map<String, String> env, String... args) {
    List<String> all = new ArrayList<>();
    if (configDir != null) {
      all.add("--config-dir");
      all.add(configDir.toString());
    }
    all.addAll(List.of(args));
    return runRaw(env, all.toArray(String[]::new));
  }

  static Result run(Path configDir, String... args) {
    return run(configDir, Map.of(), args);
  }

  /** Without adding {@code --config-dir}. */
  static Result runRaw(Map<String, String> env, String... args) {
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    GhcApiCommand command = new GhcApiCommand(new HashMap<>(env), out, err);
    CommandLine commandLine = new CommandLine(command)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    LAST_STARTED.set(command.server());
    out.flush();
    err.flush();
    return new Result(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8),
        command);
  }
}
