package io.ghcapi.acp;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The real Claude ACP adapter as tests run it: from {@code $GHC_API_TEST_CLIENTS} (default
 * {@code ~/.cache/ghc-api-clients}, where {@code .ci/run} installs
 * {@code @agentclientprotocol/claude-agent-acp@0.49.0}), offline: a throw-away home, telemetry and updates off,
 * every proxy pointed at a closed port.
 */
final class ClaudeAdapter {

  private ClaudeAdapter() {
  }

  static String root() {
    return System.getenv().getOrDefault("GHC_API_TEST_CLIENTS",
        System.getProperty("user.home") + "/.cache/ghc-api-clients");
  }

  /** The adapter's program, when installed. */
  static Optional<Path> installed() {
    Path adapter = Path.of(root(), "node_modules", ".bin", "claude-agent-acp");
    return Files.isExecutable(adapter) ? Optional.of(adapter) : Optional.empty();
  }

  static String notInstalled() {
    return "claude-agent-acp is not installed under " + root()
        + " (npm install @agentclientprotocol/claude-agent-acp@0.49.0 there; .ci/run does)";
  }

  /** An {@code acp_agents.claude-code} entry running the adapter offline with {@code home} as its home. */
  static JsonObject entry(Path adapter, Path home) {
    String deadProxy = deadProxy();
    JsonObject env = new JsonObject().put("HOME", home.toString())
        .put("CLAUDE_CONFIG_DIR", home.resolve(".claude").toString())
        .put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1").put("DISABLE_TELEMETRY", "1")
        .put("DISABLE_AUTOUPDATER", "1").put("DISABLE_ERROR_REPORTING", "1")
        .put("DISABLE_NON_ESSENTIAL_MODEL_CALLS", "1")
        // Claude Code exits at once on IS_SANDBOX values other than 1 (some CI machines set "yes").
        .put("IS_SANDBOX", "1")
        .put("HTTPS_PROXY", deadProxy).put("HTTP_PROXY", deadProxy).put("https_proxy", deadProxy)
        .put("http_proxy", deadProxy).put("NO_PROXY", "127.0.0.1,localhost").put("no_proxy", "127.0.0.1,localhost");
    return new JsonObject().put("command", adapter.toString()).put("env", env);
  }

  private static String deadProxy() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
