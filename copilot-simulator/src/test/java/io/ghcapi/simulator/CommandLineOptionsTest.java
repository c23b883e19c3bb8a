package io.ghcapi.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommandLineOptionsTest {

  @Test
  void readsEveryOption() throws Exception {
    SimulatorOptions options = CommandLineOptions.parse(new String[] {"--host", "0.0.0.0", "--port", "9999", "--chunks", "3",
        "--chunk-delay-ms", "5", "--first-byte-delay-ms", "7", "--token-lifetime", "30", "--no-record"});

    assertEquals("0.0.0.0", options.host());
    assertEquals(9999, options.port());
    assertEquals(3, options.chunkCount());
    assertEquals(5, options.chunkDelayMs());
    assertEquals(7, options.firstByteDelayMs());
    assertEquals(30, options.tokenLifetimeSeconds());
    assertFalse(options.recordRequests());
  }

  @Test
  void defaultsMatchTheOptionsDefaults() throws Exception {
    SimulatorOptions options = CommandLineOptions.parse(new String[0]);

    assertEquals("127.0.0.1", options.host());
    assertEquals(0, options.port());
    assertEquals(6, options.chunkCount());
    assertTrue(options.recordRequests());
    assertNull(CommandLineOptions.parse(new String[] {"--help"}));
  }

  @Test
  void rejectsBadArgumentsWithAReadableMessage() {
    assertTrue(assertThrows(CommandLineOptions.UsageException.class,
        () -> CommandLineOptions.parse(new String[] {"--port", "abc"})).getMessage().contains("--port"));
    assertThrows(CommandLineOptions.UsageException.class, () -> CommandLineOptions.parse(new String[] {"--port"}));
    assertThrows(CommandLineOptions.UsageException.class, () -> CommandLineOptions.parse(new String[] {"--chunks", "0"}));
    assertThrows(CommandLineOptions.UsageException.class, () -> CommandLineOptions.parse(new String[] {"--wat"}));
  }
}
