package io.ghcapi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.gateway.auth.GithubTokenStore;
import io.ghcapi.simulator.CopilotSimulator;
import io.ghcapi.simulator.SimulatorOptions;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --github-device-login} against the simulator's GitHub device endpoints. */
class DeviceLoginTest {

  @TempDir
  Path dir;
  private Vertx vertx;
  private CopilotSimulator simulator;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    simulator = CopilotSimulator.start(vertx, new SimulatorOptions().setDevicePendingPolls(1).setDeviceIntervalSeconds(1))
        .await(10, TimeUnit.SECONDS);
    Files.writeString(dir.resolve("config.yaml"), "github_api_base_url: " + simulator.baseUrl() + "\n");
  }

  @AfterEach
  void stop() throws Exception {
    simulator.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void signsInPrintsTheCodeAndSavesTheTokenForTheOwnerOnly() throws Exception {
    Cli.Result result = Cli.run(dir, "--github-device-login");

    assertEquals(0, result.code(), result::toString);
    assertTrue(result.out().contains("enter the code ABCD-1234"), result.out());
    Path token = dir.resolve(GithubTokenStore.FILE_NAME);
    assertTrue(Files.readString(token).startsWith("gho_sim"), "the simulator's access token was saved");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(token)));
  }
}
