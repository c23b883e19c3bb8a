package io.ghcapi.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.sync.files.Backups;
import io.ghcapi.sync.files.ConfigHash;
import io.ghcapi.sync.files.ConfigSync;
import io.ghcapi.sync.files.HashFiles;
import io.ghcapi.sync.files.LocalFiles;
import io.ghcapi.sync.files.SyncOutcome;
import io.ghcapi.sync.files.SyncedFile;
import io.ghcapi.sync.onedrive.OneDriveLayout;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed §8.2–8.5 between two fake machines sharing one OneDrive folder. */
class ConfigSyncTest {

  static final String CLAUDE_A = """
      {
        "env": {
          "ANTHROPIC_BASE_URL": "http://127.0.0.1:8313",
          "ANTHROPIC_AUTH_TOKEN": "sk-ant-machine-a-secret-0001"
        },
        "model": "claude-sonnet-4.5"
      }
      """;
  static final String CODEX_A = """
      model = "gpt-5"
      model_provider = "ghc"

      [model_providers.ghc]
      base_url = "http://127.0.0.1:8313/v1"
      wire_api = "responses"

      [projects."/home/a/work"]
      trust_level = "trusted"
      """;
  static final String CODEX_B = """
      model = "o3"

      [projects."/home/b/src"]
      trust_level = "trusted"

      [mcp_servers.docs]
      command = "docs-mcp"
      """;

  @TempDir
  Path root;
  Path oneDrive;
  FakeMachine a;
  FakeMachine b;
  ConfigSync syncA;
  ConfigSync syncB;

  @BeforeEach
  void machines() throws Exception {
    oneDrive = Files.createDirectories(root.resolve("OneDrive - Contoso"));
    a = new FakeMachine(root, "laptop_Linux");
    b = new FakeMachine(root, "desktop_WSL");
    syncA = sync(a);
    syncB = sync(b);
  }

  private ConfigSync sync(FakeMachine machine) {
    Clock clock = Clock.fixed(Instant.parse("2025-11-26T10:15:30Z"), ZoneOffset.UTC);
    return new ConfigSync(new OneDriveLayout(oneDrive, machine.name), new LocalFiles(machine.home, machine.gatewayConfig()),
        new Backups(clock, 20), clock);
  }

  @Test
  void pushThenPullCopiesTheFilesWithBackupsOnBothSidesAndKeepsCodexProjects() throws Exception {
    a.write(a.claude(), CLAUDE_A).write(a.codex(), CODEX_A).write(a.gatewayConfig(), "port: 8313\n");
    b.write(b.claude(), "{\"model\": \"old\"}\n").write(b.codex(), CODEX_B);

    SyncOutcome pushed = syncA.push(List.of(SyncedFile.values()), false);
    assertEquals(200, pushed.status(), pushed.body().encodePrettily());
    assertEquals(CLAUDE_A, FakeMachine.read(oneDrive.resolve(".ghc-api/configSync/claude_settings.json")));
    String sharedCodex = FakeMachine.read(oneDrive.resolve(".ghc-api/configSync/codex_config.toml"));
    assertFalse(sharedCodex.contains("projects"), "this machine's folders never leave it: " + sharedCodex);

    SyncOutcome refused = syncB.pull(List.of(SyncedFile.values()), false);
    assertEquals(409, refused.status(), "B has its own, different files and never synced: a conflict");
    assertEquals("{\"model\": \"old\"}\n", FakeMachine.read(b.claude()), "nothing written when refused");
    assertEquals(new JsonArray().add("claude").add("codex"), refused.body().getJsonObject("status").getJsonArray("conflicts"));

    SyncOutcome pulled = syncB.pull(List.of(SyncedFile.values()), true);
    assertEquals(200, pulled.status(), pulled.body().encodePrettily());
    assertEquals(CLAUDE_A, FakeMachine.read(b.claude()));
    assertEquals("port: 8313\n", FakeMachine.read(b.gatewayConfig()));
    String codexB = FakeMachine.read(b.codex());
    assertTrue(codexB.startsWith("model = \"gpt-5\""), codexB);
    assertTrue(codexB.contains("[projects.\"/home/b/src\"]"), "B's projects are kept: " + codexB);
    assertFalse(codexB.contains("/home/a/work"), "A's projects are not brought over: " + codexB);
    assertEquals(1, FakeMachine.backupsBeside(b.claude()));
    assertEquals(1, FakeMachine.backupsBeside(b.codex()));
    JsonObject backups = pulled.body().getJsonObject("backups");
    assertEquals("{\"model\": \"old\"}\n", FakeMachine.read(Path.of(backups.getString("claude"))));
    assertTrue(backups.getString("claude").endsWith("settings.json.20251126_101530.bak"), backups.encode());

    JsonObject statusB = syncB.status();
    statusB.getJsonObject("files").forEach(entry ->
        assertEquals("in_sync", ((JsonObject) entry.getValue()).getString("state"), entry.getKey()));

    b.write(b.claude(), CLAUDE_A.replace("sonnet-4.5", "opus-4.1"));
    SyncOutcome pushedBack = syncB.push(List.of(SyncedFile.CLAUDE), false);
    assertEquals(200, pushedBack.status());
    assertNotNull(pushedBack.body().getJsonObject("backups").getString("claude"), "the OneDrive copy is backed up too");
    assertTrue(Files.exists(Path.of(pushedBack.body().getJsonObject("backups").getString("claude"))));
    assertEquals("onedrive_changed", syncA.status().getJsonObject("files").getJsonObject("claude").getString("state"));
    assertEquals(200, syncA.pull(List.of(SyncedFile.CLAUDE), false).status(), "a plain pull brings B's change to A");
    assertTrue(FakeMachine.read(a.claude()).contains("opus-4.1"));
    assertEquals(CODEX_A, FakeMachine.read(a.codex()), "untouched files stay as they were");
    assertNoTemporaryFiles();
  }

  @Test
  void whenBothSidesChangedAFileSincetheLastSyncNeitherDirectionOverwritesItWithoutForce() throws Exception {
    a.write(a.claude(), CLAUDE_A);
    assertEquals(200, syncA.push(List.of(SyncedFile.CLAUDE), false).status());
    assertEquals(200, syncB.pull(List.of(SyncedFile.CLAUDE), false).status());
    b.write(b.claude(), CLAUDE_A.replace("sonnet", "haiku"));
    assertEquals(200, syncB.push(List.of(SyncedFile.CLAUDE), false).status());
    a.write(a.claude(), CLAUDE_A.replace("sonnet", "opus"));

    JsonObject claude = syncA.status().getJsonObject("files").getJsonObject("claude");
    assertEquals("conflict", claude.getString("state"));
    assertTrue(claude.getString("conflict_reason").contains("both"), claude.encode());

    SyncOutcome push = syncA.push(List.of(SyncedFile.CLAUDE), false);
    SyncOutcome pull = syncA.pull(List.of(SyncedFile.CLAUDE), false);
    assertEquals(409, push.status());
    assertEquals(409, pull.status());
    assertEquals("sync_conflict", push.body().getJsonObject("error").getString("code"));
    assertTrue(push.body().getJsonObject("blocked").containsKey("claude"));
    assertTrue(FakeMachine.read(a.claude()).contains("opus"));
    assertTrue(FakeMachine.read(oneDrive.resolve(".ghc-api/configSync/claude_settings.json")).contains("haiku"));

    SyncOutcome forced = syncA.push(List.of(SyncedFile.CLAUDE), true);
    assertEquals(200, forced.status());
    String backup = forced.body().getJsonObject("backups").getString("claude");
    assertTrue(FakeMachine.read(Path.of(backup)).contains("haiku"), "B's version is kept as a backup in OneDrive");
  }

  @Test
  void aPushOverANewerOneDriveCopyAndAPullOverUnpushedChangesAreRefused() throws Exception {
    a.write(a.claude(), CLAUDE_A);
    syncA.push(List.of(SyncedFile.CLAUDE), false);
    syncB.pull(List.of(SyncedFile.CLAUDE), false);
    b.write(b.claude(), CLAUDE_A.replace("sonnet", "haiku"));
    syncB.push(List.of(SyncedFile.CLAUDE), false);

    SyncOutcome stalePush = syncA.push(List.of(SyncedFile.CLAUDE), false);
    assertEquals(409, stalePush.status());
    assertTrue(stalePush.body().getJsonObject("blocked").getJsonObject("claude").getString("reason").contains("pull"));

    b.write(b.claude(), CLAUDE_A.replace("sonnet", "mythos"));
    SyncOutcome pullOverLocal = syncB.pull(List.of(SyncedFile.CLAUDE), false);
    assertEquals(409, pullOverLocal.status());
    assertTrue(pullOverLocal.body().getJsonObject("blocked").getJsonObject("claude").getString("reason").contains("push"));
  }

  @Test
  void pullWithoutAnythingInOneDriveIsABadRequestAndMissingFilesAreSkipped() throws Exception {
    assertEquals(400, syncB.pull(List.of(SyncedFile.values()), false).status());
    a.write(a.claude(), CLAUDE_A);
    SyncOutcome pushed = syncA.push(List.of(SyncedFile.values()), false);
    assertEquals(200, pushed.status());
    assertEquals(List.of("claude"), List.copyOf(pushed.body().getJsonObject("copied").fieldNames()));
    assertTrue(pushed.body().getJsonObject("skipped").getString("codex").startsWith("no local file"));
  }

  @Test
  void hashFilesArePerMachineAndReadFromWhereTheyAreWritten() throws Exception {
    a.write(a.claude(), CLAUDE_A).write(a.codex(), CODEX_A);
    syncA.push(List.of(SyncedFile.values()), false);
    b.write(b.codex(), CODEX_A.replace("/home/a/work", "/home/b/elsewhere"));
    syncB.status();

    Path hashA = oneDrive.resolve(".ghc-api/agents/laptop_Linux/config.sha1");
    Path hashB = oneDrive.resolve(".ghc-api/agents/desktop_WSL/config.sha1");
    Path shared = oneDrive.resolve(".ghc-api/configSync/config.sha1");
    Map<SyncedFile, byte[]> expected = new EnumMap<>(SyncedFile.class);
    expected.put(SyncedFile.CLAUDE, CLAUDE_A.getBytes(StandardCharsets.UTF_8));
    expected.put(SyncedFile.CODEX, """
        model = "gpt-5"
        model_provider = "ghc"

        [model_providers.ghc]
        base_url = "http://127.0.0.1:8313/v1"
        wire_api = "responses"
        """.getBytes(StandardCharsets.UTF_8));
    assertEquals(ConfigHash.of(expected), HashFiles.readHash(hashA), "SHA-1 of [ghc-api]<missing>[claude]...[codex]header");
    assertEquals(HashFiles.readHash(hashA), HashFiles.readHash(shared));
    assertNotNull(HashFiles.readHash(hashB));
    assertFalse(HashFiles.readHash(hashA).equals(HashFiles.readHash(hashB)), "B has no claude settings");

    JsonObject hashes = syncB.hashes();
    JsonArray machines = hashes.getJsonArray("machines");
    assertEquals(2, machines.size());
    JsonObject desktop = machines.getJsonObject(0);
    assertEquals("desktop_WSL", desktop.getString("machine"));
    assertTrue(desktop.getBoolean("this_machine"));
    assertFalse(desktop.getBoolean("matches_shared"));
    assertTrue(machines.getJsonObject(1).getBoolean("matches_shared"));
    assertEquals(HashFiles.readHash(shared), hashes.getJsonObject("shared_hash").getString("hash"));
    assertNotNull(desktop.getString("modified_at"));

    long before = Files.getLastModifiedTime(hashB).toMillis();
    Files.setLastModifiedTime(hashB, java.nio.file.attribute.FileTime.fromMillis(before - 60_000));
    syncB.status();
    assertEquals(before - 60_000, Files.getLastModifiedTime(hashB).toMillis(), "an unchanged hash is not rewritten");
    assertNull(HashFiles.readHash(oneDrive.resolve(".ghc-api/agents/desktop_WSL/ghc-api/config.sha1")));
  }

  @Test
  void theDiffShowsWhatChangedWithSecretsHidden() throws Exception {
    a.write(a.claude(), CLAUDE_A);
    syncA.push(List.of(SyncedFile.CLAUDE), false);
    a.write(a.claude(), CLAUDE_A.replace("machine-a-secret-0001", "machine-a-secret-0002").replace("sonnet", "opus"));

    JsonObject diff = syncA.diff(SyncedFile.CLAUDE);

    String text = diff.encode();
    assertFalse(text.contains("machine-a-secret"), "no secret value in a diff: " + text);
    assertEquals("local_changed", diff.getString("state"));
    JsonArray lines = diff.getJsonArray("lines");
    long onedrive = lines.stream().filter(l -> "onedrive".equals(((JsonObject) l).getString("op"))).count();
    long local = lines.stream().filter(l -> "local".equals(((JsonObject) l).getString("op"))).count();
    assertEquals(2, onedrive);
    assertEquals(2, local);
    assertTrue(lines.stream().anyMatch(l -> ((JsonObject) l).getBoolean("secret")
        && ((JsonObject) l).getString("text").contains("\"ANTHROPIC_AUTH_TOKEN\": \"<redacted>\"")), text);
    assertEquals(new JsonArray().add("ANTHROPIC_AUTH_TOKEN"), diff.getJsonArray("secrets_changed"));
  }

  private void assertNoTemporaryFiles() throws Exception {
    for (Path folder : List.of(root)) {
      try (Stream<Path> files = Files.walk(folder)) {
        assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
      }
    }
  }
}
