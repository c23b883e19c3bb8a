package io.ghcapi.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.bus.AdminCall;
import io.ghcapi.bus.Addresses;
import io.ghcapi.bus.BusErrorCode;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Seed §8.6 with fake programs on the PATH given to the verticle: versions, and npm installs that work, fail or hang. */
@ExtendWith(VertxExtension.class)
class ToolsTest {

  @TempDir
  Path root;

  /** The fake programs run with only their own folder on the PATH, so they name system programs in full. */
  private FakeMachine machine() {
    FakeMachine machine = new FakeMachine(root, "dev_Linux");
    String slowPid = machine.bin.resolve("slow.pid").toString();
    machine.write(machine.claude(), "{\"model\": \"sonnet\"}\n").write(machine.codex(), "model = \"gpt-5\"\n");
    machine.program("npm", """
        case "$1" in --version) echo 11.19.1; exit 0;; esac
        echo "npm $*"
        case "$3" in
          *fail*) echo "npm ERR! code E404" >&2; echo "npm ERR! 404 Not Found - GET https://user:hunter2@registry.example/x" >&2; exit 1;;
          *slow*) /bin/sleep 30 & echo $! > 'PID'; wait;;
        esac
        echo "added 3 packages in 2s"
        """.replace("PID", slowPid));
    return machine;
  }

  private void deploy(Vertx vertx, FakeMachine machine, Map<String, Object> extra) {
    JsonObject config = machine.config(null).put("tools_version_timeout", 1).put("tools_install_timeout", 1.5)
        .put("install_packages", new JsonObject().put("claude-code", "@anthropic-ai/claude-code")
            .put("claude-agent-acp", "@agentclientprotocol/claude-agent-acp").put("broken", "@example/fail-pkg")
            .put("slow", "@example/slow-pkg"));
    extra.forEach(config::put);
    Await.result(vertx.deployVerticle(new SyncVerticle(), new DeploymentOptions().setConfig(config)));
  }

  @Test
  void versionsComeFromTheGivenPathWithinTheTimeLimit(Vertx vertx) throws Exception {
    FakeMachine machine = machine();
    machine.program("node", "echo v20.20.2");
    machine.program("claude", "echo '2.1.197 (Claude Code)'");
    machine.program("codex", "echo 'codex: broken install' >&2; exit 3");
    machine.program("copilot", "/bin/sleep 30 & echo $! > '" + machine.bin.resolve("copilot.pid") + "'; wait");
    deploy(vertx, machine, Map.of());

    long started = System.nanoTime();
    JsonObject reply = SyncBus.get(vertx, "/api/config-manager/software-versions");
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    assertEquals(200, reply.getInteger("status"));
    Map<String, JsonObject> tools = reply.getJsonObject("body").getJsonArray("tools").stream()
        .map(JsonObject.class::cast).collect(Collectors.toMap(t -> t.getString("id"), t -> t));
    assertEquals(List.of("nodejs", "npm", "claude_code", "codex", "copilot_cli", "visual_studio_code"),
        reply.getJsonObject("body").getJsonArray("tools").stream().map(t -> ((JsonObject) t).getString("id")).toList());
    assertEquals("v20.20.2", tools.get("nodejs").getString("version"));
    assertEquals("11.19.1", tools.get("npm").getString("version"));
    assertEquals("2.1.197 (Claude Code)", tools.get("claude_code").getString("version"));
    assertEquals("error (rc=3)", tools.get("codex").getString("version"));
    assertTrue(tools.get("codex").getString("detail").contains("broken install"));
    assertTrue(tools.get("copilot_cli").getBoolean("timed_out"));
    assertTrue(tools.get("copilot_cli").getString("version").startsWith("timed out"));
    assertFalse(tools.get("visual_studio_code").getBoolean("installed"));
    assertEquals("Not installed", tools.get("visual_studio_code").getString("version"));
    assertTrue(millis < 6000, "the probes ran in parallel with a time limit: " + millis + " ms");
    assertProcessGone(machine.bin.resolve("copilot.pid"));
  }

  @Test
  void anInstallRunsNpmForEachPackageAfterBackingUpTheAgentConfigsAndLogsEveryLine(Vertx vertx) throws Exception {
    FakeMachine machine = machine();
    deploy(vertx, machine, Map.of());

    JsonObject reply = SyncBus.post(vertx, "/api/config-manager/install-tools",
        new JsonObject().put("tools", new JsonArray().add("claude-code").add("claude-agent-acp")));

    assertEquals(200, reply.getInteger("status"), reply.encodePrettily());
    JsonObject body = reply.getJsonObject("body");
    assertTrue(body.getBoolean("ok"));
    JsonObject claude = body.getJsonObject("results").getJsonObject("claude-code");
    assertEquals(0, claude.getInteger("returncode"));
    assertTrue(claude.getString("stdout").contains("npm install -g @anthropic-ai/claude-code"), claude.encode());
    assertTrue(body.getJsonObject("results").getJsonObject("claude-agent-acp").getString("stdout")
        .contains("npm install -g @agentclientprotocol/claude-agent-acp"));
    assertEquals(2, body.getJsonObject("backups").size());
    assertEquals(1, FakeMachine.backupsBeside(machine.claude()));
    assertEquals(1, FakeMachine.backupsBeside(machine.codex()));
    String log = FakeMachine.read(machine.configDir.resolve("code_agent_install.log"));
    assertTrue(log.contains("[claude-code stdout] added 3 packages in 2s"), log);
    assertTrue(log.contains("$ npm install -g @agentclientprotocol/claude-agent-acp"), log);

    JsonObject info = SyncBus.get(vertx, "/api/config-manager/install-tools").getJsonObject("body");
    assertNull(info.getValue("running"));
    assertTrue(info.getJsonObject("last_run").getJsonObject("result").getBoolean("ok"));
    assertEquals(4, info.getJsonArray("packages").size());
  }

  @Test
  void aFailingPackageFailsTheInstallWithNpmsOutputAndNoPasswordInIt(Vertx vertx) throws Exception {
    FakeMachine machine = machine();
    deploy(vertx, machine, Map.of());

    JsonObject reply = SyncBus.post(vertx, "/api/config-manager/install-tools",
        new JsonObject().put("tools", new JsonArray().add("broken").add("claude-code")));

    assertEquals(500, reply.getInteger("status"));
    JsonObject results = reply.getJsonObject("body").getJsonObject("results");
    assertEquals(1, results.getJsonObject("broken").getInteger("returncode"));
    assertTrue(results.getJsonObject("broken").getString("stderr").contains("E404"));
    assertTrue(results.getJsonObject("claude-code").getBoolean("ok"), "the next package is still installed");
    String everything = reply.encode() + FakeMachine.read(machine.configDir.resolve("code_agent_install.log"));
    assertFalse(everything.contains("hunter2"), "a password in npm's output is hidden");
  }

  @Test
  void aHangingInstallIsStoppedWithItsProcessTreeWhenTheTimeRunsOut(Vertx vertx) throws Exception {
    FakeMachine machine = machine();
    deploy(vertx, machine, Map.of());

    long started = System.nanoTime();
    JsonObject reply = SyncBus.post(vertx, "/api/config-manager/install-tools",
        new JsonObject().put("tools", new JsonArray().add("slow")));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    assertEquals(500, reply.getInteger("status"));
    JsonObject slow = reply.getJsonObject("body").getJsonObject("results").getJsonObject("slow");
    assertTrue(slow.getBoolean("timed_out"));
    assertTrue(slow.getString("error").startsWith("timed out"));
    assertTrue(millis < 8000, millis + " ms");
    assertProcessGone(machine.bin.resolve("slow.pid"));
  }

  @Test
  void progressIsStreamedAsEventsAndASecondInstallMeanwhileIsAConflict(Vertx vertx) throws Exception {
    FakeMachine machine = machine();
    deploy(vertx, machine, Map.of());
    String streamTo = "test.install.stream";
    List<JsonObject> events = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> ended = new CompletableFuture<>();
    Await.result(vertx.eventBus().<JsonObject>consumer(streamTo, message -> {
      if (message.body().getBoolean("end", false)) {
        ended.complete(null);
      } else {
        events.add(message.body());
      }
    }).completion());

    AdminCall call = new AdminCall("POST", "/api/config-manager/install-tools", new JsonObject(),
        new JsonObject().put("tools", new JsonArray().add("claude-code").add("slow")), streamTo);
    JsonObject first = Await.result(vertx.eventBus().<JsonObject>request(Addresses.SYNC_API, call.toJson())).body();
    assertTrue(first.getBoolean("stream"));
    int conflict = SyncBus.failureCode(vertx, "POST", "/api/config-manager/install-tools", null, new JsonObject());
    assertEquals(BusErrorCode.CONFLICT.code(), conflict);
    ended.get(20, TimeUnit.SECONDS);

    List<String> names = events.stream().map(e -> e.getString("event")).toList();
    assertEquals("started", names.get(0));
    assertEquals(List.of("backup", "backup", "step"), names.subList(1, 4));
    assertEquals("done", names.get(names.size() - 1));
    assertTrue(events.stream().anyMatch(e -> e.getString("event").equals("output")
        && e.getJsonObject("data").getString("line").equals("npm install -g @anthropic-ai/claude-code")));
    assertEquals(2, names.stream().filter("step_done"::equals).count());
    JsonObject done = events.get(events.size() - 1).getJsonObject("data");
    assertFalse(done.getBoolean("ok"), "the slow package timed out");
  }

  @Test
  void withoutNpmEachPackageFailsWithAClearMessageAndUnknownToolsAreRefused(Vertx vertx) throws Exception {
    FakeMachine machine = machine();
    Files.delete(machine.bin.resolve("npm"));
    deploy(vertx, machine, Map.of());

    JsonObject reply = SyncBus.post(vertx, "/api/config-manager/install-tools",
        new JsonObject().put("tools", new JsonArray().add("claude-code")));
    assertEquals(500, reply.getInteger("status"));
    assertTrue(reply.getJsonObject("body").getJsonObject("results").getJsonObject("claude-code").getString("error")
        .contains("npm was not found"));
    assertEquals(400, SyncBus.failureCode(vertx, "POST", "/api/config-manager/install-tools", null,
        new JsonObject().put("tools", new JsonArray().add("left-pad; rm -rf /"))));
    assertEquals(400, SyncBus.failureCode(vertx, "GET", "/api/config-manager/sync/push", null, null));
    assertEquals(404, SyncBus.failureCode(vertx, "GET", "/api/config-manager/sync/nothing-here", null, null));
  }

  private static void assertProcessGone(Path pidFile) throws Exception {
    for (int i = 0; i < 50 && !Files.exists(pidFile); i++) {
      Thread.sleep(20);
    }
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    for (int i = 0; i < 100 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
      Thread.sleep(20);
    }
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " was killed");
  }
}
