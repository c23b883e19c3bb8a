package io.ghcapi.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.bus.Addresses;
import io.ghcapi.bus.Endpoints;
import io.ghcapi.bus.ExchangeState;
import io.ghcapi.bus.RequestRecord;
import io.ghcapi.bus.TokenUsage;
import io.ghcapi.cache.CacheVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two fake machines, each its own Vert.x with the history and the sync verticle, sharing one OneDrive folder:
 * a push on one and a pull on the other over the bus, then every machine's usage merged (a third machine's file
 * ends with a torn line).
 */
class RoundTripTest {

  @TempDir
  Path root;
  private Vertx laptop;
  private Vertx desktop;

  @AfterEach
  void close() {
    for (Vertx vertx : new Vertx[] {laptop, desktop}) {
      if (vertx != null) {
        Await.result(vertx.close());
      }
    }
  }

  @Test
  void pushOnOneMachinePullOnAnotherThenTheUsageOfThreeMachinesMerged() throws Exception {
    Path oneDrive = Files.createDirectories(root.resolve("OneDrive - Contoso"));
    FakeMachine a = new FakeMachine(root, "laptop_Linux");
    FakeMachine b = new FakeMachine(root, "desktop_WSL");
    a.write(a.claude(), ConfigSyncTest.CLAUDE_A).write(a.codex(), ConfigSyncTest.CODEX_A)
        .write(a.gatewayConfig(), "port: 8313\nadmin_token: adm-0123456789abcdef\n");
    b.write(b.codex(), "model = \"o3\"\n\n[projects.\"/home/b/src\"]\ntrust_level = \"trusted\"\n");
    laptop = start(a, oneDrive);
    desktop = start(b, oneDrive);

    JsonObject pushed = SyncBus.post(laptop, "/api/config-manager/sync/push", new JsonObject());
    print("PUSH on laptop_Linux", pushed);
    assertEquals(200, pushed.getInteger("status"));

    JsonObject statusB = SyncBus.get(desktop, "/api/config-manager/sync/status");
    print("STATUS on desktop_WSL", statusB);
    assertEquals(new JsonArray().add("codex"), statusB.getJsonObject("body").getJsonArray("conflicts"));
    JsonObject diff = SyncBus.call(desktop, "GET", "/api/config-manager/sync/diff", new JsonObject().put("file", "ghc-api"), null);
    print("DIFF of ghc-api on desktop_WSL", diff);
    assertFalse(diff.encode().contains("adm-0123456789abcdef"), "the admin token is never shown");

    JsonObject refused = SyncBus.post(desktop, "/api/config-manager/sync/pull", new JsonObject());
    assertEquals(409, refused.getInteger("status"));
    JsonObject pulled = SyncBus.post(desktop, "/api/config-manager/sync/pull", new JsonObject().put("force", true));
    print("PULL (force) on desktop_WSL", pulled);
    assertEquals(200, pulled.getInteger("status"));
    assertEquals(ConfigSyncTest.CLAUDE_A, FakeMachine.read(b.claude()));
    assertTrue(FakeMachine.read(b.codex()).contains("[projects.\"/home/b/src\"]"));
    assertTrue(FakeMachine.read(b.codex()).startsWith("model = \"gpt-5\""));
    assertEquals(1, FakeMachine.backupsBeside(b.codex()));

    JsonObject hashes = SyncBus.get(desktop, "/api/config-manager/sync/hashes");
    print("HASHES", hashes);
    JsonArray machines = hashes.getJsonObject("body").getJsonArray("machines");
    assertEquals(2, machines.size());
    machines.forEach(m -> assertTrue(((JsonObject) m).getBoolean("matches_shared"), m.toString()));

    completed(laptop, "laptop_Linux", "gpt-5", 3);
    completed(laptop, "laptop_Linux", "claude-sonnet-4.5", 1);
    completed(desktop, "desktop_WSL", "gpt-5", 2);
    Path server = Files.createDirectories(oneDrive.resolve(".ghc-api/agents/server_Win"));
    long hour = Math.floorDiv(System.currentTimeMillis() / 1000, 3600) * 3600;
    Files.writeString(server.resolve("token_usage_hourly.jl"), MachineUsageTest.hourLine(hour, "carol", "gpt-5", 4, 400, 40)
        + "\n{\"timestamp\":" + hour + ",\"period\":\"hour\",\"user_id\":\"carol\",\"models\":[{\"mod");

    assertEquals(200, SyncBus.get(laptop, "/api/config-manager/machine-usage").getInteger("status"));
    JsonObject merged = SyncBus.call(desktop, "GET", "/api/config-manager/machine-usage", new JsonObject().put("range", "day"), null);
    print("MACHINE USAGE (range=day) on desktop_WSL", merged);
    JsonObject body = merged.getJsonObject("body");
    assertEquals(new JsonArray().add("desktop_WSL").add("laptop_Linux").add("server_Win"), body.getJsonArray("machines"));
    assertEquals(3 + 1 + 2 + 4, body.getJsonObject("totals").getInteger("request_count"));
    assertEquals(1, body.getInteger("skipped_lines"), "the torn line");
    JsonObject byMachine = body.getJsonObject("timeseries").getJsonObject("by_machine");
    assertEquals(4 * 20, last(byMachine.getJsonArray("laptop_Linux")));
    assertEquals(2 * 20, last(byMachine.getJsonArray("desktop_WSL")));
    assertEquals(440, last(byMachine.getJsonArray("server_Win")));

    assertEquals(200, SyncBus.get(desktop, "/api/config-manager/machine-usage").getInteger("status"));
    assertEquals(1, Files.readAllLines(oneDrive.resolve(".ghc-api/agents/desktop_WSL/token_usage_hourly.jl")).size(),
        "asking again rewrites nothing");
  }

  private Vertx start(FakeMachine machine, Path oneDrive) {
    Vertx vertx = Vertx.vertx();
    Await.result(vertx.deployVerticle(new CacheVerticle(), new DeploymentOptions()
        .setConfig(new JsonObject().put("node_id", machine.name).put("persist", false))));
    Await.result(vertx.deployVerticle(new SyncVerticle(), new DeploymentOptions().setConfig(machine.config(oneDrive))));
    return vertx;
  }

  /** Publishes completed exchanges as the gateway does, then waits until the history counted them. */
  private static void completed(Vertx vertx, String node, String model, int count) throws Exception {
    long before = total(vertx);
    for (int i = 0; i < count; i++) {
      vertx.eventBus().publish(Addresses.REQUEST_COMPLETED, RequestRecord
          .start(UUID.randomUUID().toString(), node, Endpoints.CHAT_COMPLETIONS, System.currentTimeMillis())
          .model(model).userId("alice").requestSize(100).state(ExchangeState.COMPLETED).statusCode(200)
          .responseSize(250).tokens(new TokenUsage(10, 5, 2, 3)).toJson());
    }
    for (int i = 0; i < 100 && total(vertx) < before + count; i++) {
      Thread.sleep(20);
    }
    assertEquals(before + count, total(vertx));
  }

  private static long total(Vertx vertx) {
    return Await.result(vertx.eventBus().<JsonObject>request(Addresses.USAGE_GET, new JsonObject().put("range", "day")))
        .body().getJsonObject("totals").getLong("request_count");
  }

  private static long last(JsonArray values) {
    return values.getLong(values.size() - 1);
  }

  private static void print(String title, JsonObject reply) {
    System.out.println("=== " + title + " ===\n" + reply.encodePrettily());
  }
}
