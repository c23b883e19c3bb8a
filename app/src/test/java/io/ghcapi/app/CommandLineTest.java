package io.ghcapi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.gateway.auth.GithubTokenStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's exits: version, writing the config, token deletion, and configurations it refuses. */
class CommandLineTest {

  @TempDir
  Path dir;

  /** Stops a server if a test that expected a refusal started one anyway. */
  @AfterEach
  void stopStrayServers() {
    Cli.lastStarted().ifPresent(ServerRun::stop);
  }

  private Path configFile() {
    return dir.resolve("config.yaml");
  }

  private void writeConfig(String yaml) throws IOException {
    Files.writeString(configFile(), yaml);
  }

  // ---- -v ----

  @Test
  void versionPrintsTheProductVersion() {
    Cli.Result r = Cli.run(dir, "-v");
    assertEquals(0, r.code(), r::toString);
    String version = Version.current();
    assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), "version from the build, got " + version);
    assertEquals("ghc-api " + version, r.out().trim());
    assertFalse(Files.exists(configFile()), "-v writes nothing");
  }

  @Test
  void longVersionFlagWorksToo() {
    Cli.Result r = Cli.run(dir, "--version");
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().startsWith("ghc-api "), r.out());
  }

  // ---- -c ----

  @Test
  void configFlagWritesTheCommentedDefault() throws IOException {
    Cli.Result r = Cli.run(dir, "-c");
    assertEquals(0, r.code(), r::toString);
    assertTrue(Files.isRegularFile(configFile()));
    String text = Files.readString(configFile());
    assertTrue(text.lines().anyMatch(l -> l.startsWith("#")), "has comments");
    assertTrue(text.lines().anyMatch(l -> l.equals("port: 8313")), text);
    assertTrue(r.out().contains(configFile().toString()), r.out());
    assertEquals("", r.err());
  }

  @Test
  void configFlagCreatesAMissingConfigDirectory() throws IOException {
    Path nested = dir.resolve("a/b");
    Cli.Result r = Cli.run(nested, "-c");
    assertEquals(0, r.code(), r::toString);
    assertTrue(Files.isRegularFile(nested.resolve("config.yaml")));
    if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(nested);
      assertFalse(perms.contains(PosixFilePermission.OTHERS_READ), "the config dir holds the token: " + perms);
    }
  }

  @Test
  void secondConfigFlagLeavesAnEditedFileUntouched() throws IOException {
    assertEquals(0, Cli.run(dir, "-c").code());
    String edited = "# mine\nport: 9999\n";
    writeConfig(edited);
    Cli.Result r = Cli.run(dir, "-c");
    assertEquals(0, r.code(), r::toString);
    assertEquals(edited, Files.readString(configFile()));
    assertTrue(r.out().contains("already exists"), r.out());
    assertTrue(r.out().contains(configFile().toString()), r.out());
  }

  @Test
  void configDirFromTheEnvironment() {
    Path fromEnv = dir.resolve("env-dir");
    Cli.Result r = Cli.runRaw(Map.of("GHC_API_CONFIG_DIR", fromEnv.toString()), "-c");
    assertEquals(0, r.code(), r::toString);
    assertTrue(Files.isRegularFile(fromEnv.resolve("config.yaml")));
    assertTrue(r.out().contains(fromEnv.resolve("config.yaml").toString()), r.out());
  }

  /** Seed spec §10.2: GHC_API_CONFIG_DIR has {@code ~} and {@code $VARS} expanded. */
  @Test
  void configDirFromTheEnvironmentExpandsVariables() {
    // absolute, so an unexpanded variable still lands inside the temp dir
    Cli.Result r = Cli.runRaw(Map.of("GHC_API_CONFIG_DIR", dir + "/$GHC_TEST_SUB/cfg", "GHC_TEST_SUB", "sub"), "-c");
    assertEquals(0, r.code(), r::toString);
    assertTrue(Files.isRegularFile(dir.resolve("sub/cfg/config.yaml")), "expected the file under " + dir + "/sub/cfg:\n" + r);
  }

  @Test
  void configDirFlagWinsOverTheEnvironment() {
    Path fromEnv = dir.resolve("env-dir");
    Path fromFlag = dir.resolve("flag-dir");
    Cli.Result r = Cli.run(fromFlag, Map.of("GHC_API_CONFIG_DIR", fromEnv.toString()), "-c");
    assertEquals(0, r.code(), r::toString);
    assertTrue(Files.isRegularFile(fromFlag.resolve("config.yaml")));
    assertFalse(Files.exists(fromEnv));
  }

  // ---- --delete-github-token ----

  @Test
  void deleteGithubTokenDeletesTheFile() throws IOException {
    Path token = dir.resolve(GithubTokenStore.FILE_NAME);
    Files.writeString(token, "gho_secret\n");
    Cli.Result r = Cli.run(dir, "--delete-github-token");
    assertEquals(0, r.code(), r::toString);
    assertFalse(Files.exists(token));
    assertTrue(r.out().contains("Deleted"), r.out());
    assertTrue(r.out().contains(token.toString()), r.out());
  }

  @Test
  void deleteGithubTokenWithoutATokenSaysSo() {
    Cli.Result r = Cli.run(dir, "--delete-github-token");
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().contains("No saved GitHub token"), r.out());
  }

  @Test
  void deviceLoginAndDeleteTogetherAreRefused() throws IOException {
    Path token = dir.resolve(GithubTokenStore.FILE_NAME);
    Files.writeString(token, "gho_secret\n");
    Cli.Result r = Cli.run(dir, "--github-device-login", "--delete-github-token");
    assertEquals(2, r.code(), r::toString);
    assertTrue(r.err().contains("--github-device-login") && r.err().contains("--delete-github-token"), r.err());
    assertTrue(Files.exists(token), "nothing was deleted");
  }

  @Test
  void unknownOptionIsAUsageError() {
    Cli.Result r = Cli.run(dir, "--no-such-flag");
    assertEquals(2, r.code(), r::toString);
    assertTrue(r.err().contains("--no-such-flag"), r.err());
  }

  // ---- configurations that stop the start ----

  @Test
  void invalidYamlExitsOneNamingTheFile() throws IOException {
    writeConfig("port: 8313\naddress: [unclosed\n");
    Cli.Result r = Cli.run(dir, "-p", "0");
    assertEquals(1, r.code(), r::toString);
    assertTrue(r.err().contains(configFile().toString()), r.err());
    assertTrue(r.err().contains("YAML"), r.err());
    assertNull(r.command().server());
  }

  @Test
  void tabIndentedYamlExitsOne() throws IOException {
    writeConfig("model_mappings:\n\texact: {}\n");
    Cli.Result r = Cli.run(dir, "-p", "0");
    assertEquals(1, r.code(), r::toString);
    assertTrue(r.err().contains(configFile().toString()), r.err());
  }

  @Test
  void portAsTextExitsOneNamingFileAndKey() throws IOException {
    writeConfig("port: \"abc\"\n");
    Cli.Result r = Cli.run(dir);
    assertEquals(1, r.code(), r::toString);
    assertTrue(r.err().contains(configFile().toString()), r.err());
    assertTrue(r.err().contains("'port'"), r.err());
    assertTrue(r.err().contains("abc"), r.err());
    assertNull(r.command().server());
  }

  @Test
  void tooShortApiKeyExitsOneNamingTheKey() throws IOException {
    writeConfig("api_keys:\n  - short\n");
    Cli.Result r = Cli.run(dir, "-p", "0");
    assertEquals(1, r.code(), r::toString);
    assertTrue(r.err().contains(configFile().toString()), r.err());
    assertTrue(r.err().contains("api_keys[0]"), r.err());
    assertTrue(r.err().contains("at least 8"), r.err());
  }

  @Test
  void unknownModelMappingSectionExitsOne() throws IOException {
    writeConfig("model_mappings:\n  exakt:\n    a: b\n");
    Cli.Result r = Cli.run(dir, "-p", "0");
    assertEquals(1, r.code(), r::toString);
    assertTrue(r.err().contains("model_mappings.exakt"), r.err());
  }

  @Test
  void badEnvironmentPortExitsOne() {
    Cli.Result r = Cli.run(dir, Map.of("GHC_API_PORT", "notanumber"));
    assertEquals(1, r.code(), r::toString);
    assertTrue(r.err().contains("'port'"), r.err());
    assertTrue(r.err().contains("notanumber"), r.err());
    assertNull(r.command().server());
  }

  /**
   * The value came from GHC_API_PORT, not from config.yaml (which is the untouched default): the message must
   * say so, or the user edits a file that is fine (the hint even suggests regenerating it).
   */
  @Test
  void badEnvironmentValueIsBlamedOnTheVariable() throws IOException {
    Cli.Result r = Cli.run(dir, Map.of("GHC_API_PORT", "notanumber"));
    assertEquals(1, r.code(), r::toString);
    assertTrue(Files.readString(configFile()).contains("port: 8313"), "the file is the default");
    assertTrue(r.err().contains("GHC_API_PORT"), "stderr should name GHC_API_PORT:\n" + r.err());
  }

  @Test
  void outOfRangePortFlagExitsOne() {
    Cli.Result r = Cli.run(dir, "-p", "70000");
    assertEquals(1, r.code(), r::toString);
    assertTrue(r.err().contains("'port'"), r.err());
    assertTrue(r.err().contains("65535"), r.err());
  }

  @Test
  void nonNumericPortFlagIsAUsageError() {
    Cli.Result r = Cli.run(dir, "-p", "abc");
    assertEquals(2, r.code(), r::toString);
    assertNotEquals("", r.err());
  }

  @Test
  void aPortAlreadyInUseIsExplained() throws IOException {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      Cli.Result r = Cli.run(dir, "--demo", "-p", String.valueOf(taken.getLocalPort()));
      assertEquals(1, r.code(), r::toString);
      assertTrue(r.err().contains("already in use"), r.err());
    }
  }
}
