package io.ghcapi.acp.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which program each agent kind runs, how config and environment change it, and "not installed". */
class AgentCatalogTest {

  @TempDir
  Path temp;

  @Test
  void theBuiltInKindsRunTheirAcpAdapters() {
    AgentCatalog catalog = AgentCatalog.from(null, Map.of());
    AgentDefinition claude = catalog.find("claude-code").orElseThrow();
    assertEquals("claude-agent-acp", claude.command());
    assertEquals(GatewayStyle.ANTHROPIC, claude.gateway());
    assertEquals("codex-acp", catalog.find("codex").orElseThrow().command());
    AgentDefinition copilot = catalog.find("copilot-cli").orElseThrow();
    assertEquals("copilot", copilot.command());
    assertEquals(List.of("--acp"), copilot.args());
  }

  @Test
  void theEnvironmentAndTheConfigOverrideTheProgram() {
    AgentCatalog byEnv = AgentCatalog.from(null, Map.of("CLAUDE_ACP_BINARY", "/opt/claude/acp.js",
        "COPILOT_CLI_BINARY", "/opt/copilot"));
    assertEquals("/opt/claude/acp.js", byEnv.find("claude-code").orElseThrow().command());
    assertEquals(List.of("--acp"), byEnv.find("copilot-cli").orElseThrow().args());

    JsonObject config = new JsonObject()
        .put("codex", new JsonObject().put("command", "/usr/local/bin/my-codex").put("args", new JsonArray().add("-v"))
            .put("env", new JsonObject().put("CODEX_HOME", "/tmp/c")))
        .put("copilot-cli", new JsonObject().put("enabled", false))
        .put("local", new JsonObject().put("command", "my-agent").put("gateway", "none"));
    AgentCatalog configured = AgentCatalog.from(config, Map.of("CODEX_ACP_BINARY", "/ignored"));
    AgentDefinition codex = configured.find("codex").orElseThrow();
    assertEquals("/usr/local/bin/my-codex", codex.command());
    assertEquals(List.of("-v"), codex.args());
    assertEquals("/tmp/c", codex.environment().get("CODEX_HOME"));
    assertEquals(GatewayStyle.CODEX, codex.gateway(), "kept from the built-in");
    assertFalse(configured.find("copilot-cli").isPresent());
    assertEquals("my-agent", configured.find("local").orElseThrow().command());
  }

  @Test
  void badEntriesNameTheirKey() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> AgentCatalog.from(new JsonObject()
        .put("mine", new JsonObject()), Map.of())).getMessage().contains("acp_agents.mine.command"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> AgentCatalog.from(new JsonObject()
        .put("Bad Kind", new JsonObject().put("command", "x")), Map.of())).getMessage().contains("Bad Kind"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> AgentCatalog.from(new JsonObject()
        .put("x", new JsonObject().put("command", "x").put("gateway", "smtp")), Map.of())).getMessage()
        .contains("acp_agents.x.gateway"));
  }

  @Test
  void programsAreFoundInTheExtraFoldersThenOnThePath() throws Exception {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path extra = Files.createDirectories(temp.resolve("extra"));
    executable(bin.resolve("claude-agent-acp"));
    AgentDefinition claude = AgentCatalog.from(null, Map.of()).find("claude-code").orElseThrow();
    assertEquals(List.of(bin.resolve("claude-agent-acp").toString()),
        new CommandLocator(List.of(), "/nowhere:" + bin).commandLine(claude));
    executable(extra.resolve("claude-agent-acp"));
    assertEquals(extra.resolve("claude-agent-acp"), new CommandLocator(List.of(extra), bin.toString()).locate(claude));
  }

  @Test
  void aJavaScriptFileIsRunWithNode() throws Exception {
    Path script = Files.writeString(temp.resolve("index.js"), "console.log(1)");
    AgentDefinition claude = AgentCatalog.from(null, Map.of("CLAUDE_ACP_BINARY", script.toString()))
        .find("claude-code").orElseThrow();
    assertEquals(List.of("node", script.toString()), new CommandLocator(List.of(), "").commandLine(claude));
  }

  @Test
  void aMissingProgramNamesItsNpmPackageAndTheSettingsToChange() {
    AgentCatalog catalog = AgentCatalog.from(null, Map.of());
    AgentNotFoundException missing = assertThrows(AgentNotFoundException.class,
        () -> new CommandLocator(List.of(), temp.toString()).locate(catalog.find("codex").orElseThrow()));
    assertTrue(missing.getMessage().contains("npm install -g @agentclientprotocol/codex-acp"), missing.getMessage());
    assertTrue(missing.getMessage().contains("acp_agents.codex.command"));
    assertTrue(missing.getMessage().contains("CODEX_ACP_BINARY"));
    AgentDefinition wrongPath = AgentCatalog.from(null, Map.of("COPILOT_CLI_BINARY", temp + "/nope"))
        .find("copilot-cli").orElseThrow();
    assertTrue(assertThrows(AgentNotFoundException.class, () -> new CommandLocator(List.of(), "").locate(wrongPath))
        .getMessage().contains("npm install -g @github/copilot"));
  }

  private static void executable(Path file) throws Exception {
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
