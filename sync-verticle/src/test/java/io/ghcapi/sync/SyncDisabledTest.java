package io.ghcapi.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Syncing is off by default (seed §8): the routes say so and how to turn it on; nothing touches OneDrive. */
@ExtendWith(VertxExtension.class)
class SyncDisabledTest {

  @TempDir
  Path root;

  @Test
  void offByDefaultStatusSaysHowToEnableAndPushAndPullAreRefused(Vertx vertx) throws Exception {
    FakeMachine machine = new FakeMachine(root, "dev_Linux");
    Path oneDrive = Files.createDirectories(machine.home.resolve("OneDrive - Contoso"));
    machine.write(machine.claude(), "{}\n");
    JsonObject config = machine.config(null);
    config.remove("onedrive_access");
    Await.result(vertx.deployVerticle(new SyncVerticle(), new DeploymentOptions().setConfig(config)));

    JsonObject status = SyncBus.get(vertx, "/api/config-manager/sync/status");
    assertEquals(200, status.getInteger("status"));
    assertFalse(status.getJsonObject("body").getBoolean("enabled"));
    assertTrue(status.getJsonObject("body").getString("message").contains("onedrive_access: true"));

    for (String action : new String[] {"push", "pull"}) {
      JsonObject refused = SyncBus.post(vertx, "/api/config-manager/sync/" + action, new JsonObject());
      assertEquals(400, refused.getInteger("status"));
      assertEquals("sync_disabled", refused.getJsonObject("body").getJsonObject("error").getString("code"));
    }
    JsonObject usage = SyncBus.get(vertx, "/api/config-manager/machine-usage");
    assertEquals(200, usage.getInteger("status"));
    assertEquals(0, usage.getJsonObject("body").getJsonArray("machines").size());
    assertEquals(400, SyncBus.failureCode(vertx, "GET", "/api/config-manager/machine-usage",
        new JsonObject().put("range", "decade"), null));
    assertFalse(Files.exists(oneDrive.resolve(".ghc-api")), "OneDrive untouched");
  }

  @Test
  void turnedOnWithoutAOneDriveFolderItSaysWhereItLookedAndHowToPointAtOne(Vertx vertx) {
    FakeMachine machine = new FakeMachine(root, "dev_Linux");
    JsonObject config = machine.config(null).put("onedrive_access", true);
    Await.result(vertx.deployVerticle(new SyncVerticle(), new DeploymentOptions().setConfig(config)));

    JsonObject status = SyncBus.get(vertx, "/api/config-manager/sync/status").getJsonObject("body");
    assertTrue(status.getBoolean("enabled"));
    assertFalse(status.getBoolean("onedrive_found"));
    assertTrue(status.getString("message").contains("onedrive_path"), status.encode());
    JsonObject push = SyncBus.post(vertx, "/api/config-manager/sync/push", new JsonObject());
    assertEquals("onedrive_not_found", push.getJsonObject("body").getJsonObject("error").getString("code"));
  }

  @Test
  void aBadConfigValueFailsTheDeploymentNamingTheKey(Vertx vertx) {
    FakeMachine machine = new FakeMachine(root, "dev_Linux");
    var deployment = vertx.deployVerticle(new SyncVerticle(), new DeploymentOptions()
        .setConfig(machine.config(null).put("onedrive_access", "true")));
    RuntimeException failure = assertThrows(RuntimeException.class, () -> Await.result(deployment));
    assertTrue(failure.getMessage().contains("'onedrive_access': must be true or false"), failure.getMessage());
  }
}
