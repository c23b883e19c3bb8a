package io.ghcapi.simulator;

/** Turns the standalone command's arguments into {@link SimulatorOptions}. */
final class CommandLineOptions {

  static final String USAGE = String.join(System.lineSeparator(),
      "usage: java -jar copilot-simulator.jar [options]",
      "  --host H                 interface to listen on (default 127.0.0.1)",
      "  --port P                 port to listen on, 0 = any free port (default 0)",
      "  --chunks N               content deltas per streamed text answer (default 6)",
      "  --chunk-delay-ms D       pause between streamed events in ms (default 0)",
      "  --first-byte-delay-ms D  pause before every Copilot API response in ms (default 0)",
      "  --token-lifetime S       refresh_in of issued Copilot tokens in seconds (default 1500)",
      "  --no-record              do not record received requests",
      "  --help                   print this help");

  /** Thrown for arguments that make no sense; its message says which. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  private CommandLineOptions() {
  }

  /** The options, or {@code null} when help was asked for. */
  static SimulatorOptions parse(String[] args) throws UsageException {
    SimulatorOptions options = new SimulatorOptions();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      try {
        switch (arg) {
          case "--help", "-h" -> {
            return null;
          }
          case "--no-record" -> options.setRecordRequests(false);
          case "--host" -> options.setHost(value(args, ++i, arg));
          case "--port" -> options.setPort(intValue(args, ++i, arg));
          case "--chunks" -> options.setChunkCount(intValue(args, ++i, arg));
          case "--chunk-delay-ms" -> options.setChunkDelayMs(longValue(args, ++i, arg));
          case "--first-byte-delay-ms" -> options.setFirstByteDelayMs(longValue(args, ++i, arg));
          case "--token-lifetime" -> options.setTokenLifetimeSeconds(intValue(args, ++i, arg));
          default -> throw new UsageException("unknown option: " + arg);
        }
      } catch (IllegalArgumentException e) {
        throw new UsageException(arg + ": " + e.getMessage());
      }
    }
    return options;
  }

  private static String value(String[] args, int index, String option) throws UsageException {
    if (index >= args.length || args[index].startsWith("--")) {
      throw new UsageException(option + " needs a value");
    }
    return args[index];
  }

  private static int intValue(String[] args, int index, String option) throws UsageException {
    String text = value(args, index, option);
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new UsageException(option + " needs a whole number, got '" + text + "'");
    }
  }

  private static long longValue(String[] args, int index, String option) throws UsageException {
    String text = value(args, index, option);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new UsageException(option + " needs a whole number, got '" + text + "'");
    }
  }
}
