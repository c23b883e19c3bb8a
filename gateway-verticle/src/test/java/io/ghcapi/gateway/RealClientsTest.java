package io.ghcapi.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Claude Code and Codex CLIs, installed from npm by {@code .ci/run} into
 * {@code $GHC_API_TEST_CLIENTS} (default {@code ~/.cache/ghc-api-clients}), against the gateway in front of
 * the simulator. Each runs offline: a throw-away home, telemetry off, and every proxy pointed at a closed
 * port so nothing can leave the machine. Skipped (not failed) where the clients are not installed.
 */
@ExtendWith(VertxExtension.class)
class RealClientsTest {

  private static final long TIMEOUT_SECONDS = 120;

  @TempDir
  Path home;
  private GatewayFixture fixture;
  private String deadProxy;

  @BeforeEach
  void start(Vertx vertx) throws IOException {
    fixture = GatewayFixture.with(vertx).start();
    try (ServerSocket socket = new ServerSocket(0)) {
      deadProxy = "http://127.0.0.1:" + socket.getLocalPort();
    }
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void claudeCodeSaysHiWithItsDefaultModel() throws Exception {
    Run run = claude("-p", "say hi");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.output().contains("Simulated reply from claude-"), run.toString());
    assertTrue(fixture.simulator.received().count("/v1/messages") >= 1, "served natively");
  }

  @Test
  void claudeCodeWithAGptModel() throws Exception {
    Run run = claude("-p", "say hi", "--model", "gpt-4.1");
    assertEquals(0, run.exitCode(), run.toString());
    // Claude Code puts a system reminder before the prompt in the same turn; the simulator echoes both.
    assertTrue(run.output().contains("Simulated reply from gpt-4.1: "), run.toString());
    assertTrue(fixture.simulator.received().last("/chat/completions").orElseThrow().body().contains("say hi"));
  }

  @Test
  void claudeCodeRunsAToolAndReadsItsResult() throws Exception {
    Run run = claude("-p", "use Bash to list the files", "--allowedTools", "Bash");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.output().contains("Tool result received"), run.toString());
  }

  @Test
  void codexSaysHiThroughTheResponsesApi() throws Exception {
    Run run = codex("gpt-5-codex", "say hi");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.output().contains("Simulated reply from gpt-5-codex: say hi"), run.toString());
  }

  @Test
  void codexWithAChatOnlyModel() throws Exception {
    Run run = codex("gpt-4.1", "say hi");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.output().contains("Simulated reply from gpt-4.1: say hi"), run.toString());
  }

  @Test
  void codexRunsAToolAndReadsItsResult() throws Exception {
    Run run = codex("gpt-5-codex", "use exec_command to list the files");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.output().contains("Tool result received"), run.toString());
  }

  private Run claude(String... args) throws Exception {
    Path binary = client("claude");
    Map<String, String> env = offlineEnv();
    env.put("ANTHROPIC_BASE_URL", fixture.baseUrl());
    env.put("ANTHROPIC_API_KEY", "sk-ant-test");
    env.put("CLAUDE_CONFIG_DIR", home.resolve(".claude").toString());
    env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
    env.put("DISABLE_TELEMETRY", "1");
    env.put("DISABLE_AUTOUPDATER", "1");
    env.put("DISABLE_ERROR_REPORTING", "1");
    env.put("DISABLE_NON_ESSENTIAL_MODEL_CALLS", "1");
    env.put("IS_SANDBOX", "1");
    List<String> command = new ArrayList<>(List.of(binary.toString()));
    command.addAll(List.of(args));
    return run(command, env);
  }

  private Run codex(String model, String prompt) throws Exception {
    Path binary = client("codex");
    Path codexHome = Files.createDirectories(home.resolve(".codex"));
    Files.writeString(codexHome.resolve("config.toml"), """
        model = "%s"
        model_provider = "gateway"
        check_for_update_on_startup = false

        [model_providers.gateway]
        name = "ghc-api"
        base_url = "%s/v1"
        env_key = "GHC_API_TEST_KEY"
        wire_api = "responses"
        request_max_retries = 0
        stream_max_retries = 0

        [analytics]
        enabled = false

        [otel]
        exporter = "none"
        """.formatted(model, fixture.baseUrl()));
    Map<String, String> env = offlineEnv();
    env.put("CODEX_HOME", codexHome.toString());
    env.put("GHC_API_TEST_KEY", "sk-test");
    return run(List.of(binary.toString(), "exec", "--skip-git-repo-check", prompt), env);
  }

  private Map<String, String> offlineEnv() {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("HOME", home.toString());
    env.put("HTTPS_PROXY", deadProxy);
    env.put("HTTP_PROXY", deadProxy);
    env.put("https_proxy", deadProxy);
    env.put("http_proxy", deadProxy);
    env.put("NO_PROXY", "127.0.0.1,localhost");
    env.put("no_proxy", "127.0.0.1,localhost");
    return env;
  }

  private Run run(List<String> command, Map<String, String> env) throws Exception {
    Path log = Files.createTempFile(home, "client", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(log.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    Process process = builder.start();
    boolean ended = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    return new Run(ended ? process.exitValue() : -1, output);
  }

  private static Path client(String name) {
    String root = System.getenv().getOrDefault("GHC_API_TEST_CLIENTS",
        System.getProperty("user.home") + "/.cache/ghc-api-clients");
    Path binary = Path.of(root, "node_modules", ".bin", name);
    Assumptions.assumeTrue(Files.isExecutable(binary), name + " is not installed under " + root
        + " (.ci/run installs it from npm)");
    return binary;
  }

  record Run(int exitCode, String output) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n" + output;
    }
  }
}
