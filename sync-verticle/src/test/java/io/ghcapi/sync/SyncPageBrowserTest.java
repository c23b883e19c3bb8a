package io.ghcapi.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.gateway.Gateway;
import io.ghcapi.gateway.auth.GithubCredentials;
import io.ghcapi.gateway.config.GatewayConfig;
import io.ghcapi.simulator.CopilotSimulator;
import io.ghcapi.simulator.SimulatorOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Sync & tools page in headless chromium against the real gateway and sync verticle: the status is shown,
 * a push asks for confirmation and lands in OneDrive, a diff hides secrets, an install shows its progress live,
 * and the usage of several machines is drawn.
 */
@ExtendWith(VertxExtension.class)
class SyncPageBrowserTest {

  @TempDir
  Path root;
  private CopilotSimulator simulator;
  private Gateway gateway;
  private ChromeDriver driver;

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (gateway != null) {
      Await.result(gateway.close());
    }
    if (simulator != null) {
      Await.result(simulator.close());
    }
  }

  @Test
  void statusPushWithConfirmationDiffInstallProgressAndUsageOfTheMachines(Vertx vertx) throws Exception {
    Path oneDrive = Files.createDirectories(root.resolve("OneDrive - Contoso"));
    FakeMachine machine = new FakeMachine(root, "laptop_Linux");
    machine.write(machine.claude(), ConfigSyncTest.CLAUDE_A).write(machine.codex(), ConfigSyncTest.CODEX_A);
    machine.program("node", "echo v20.20.2");
    machine.program("npm", "echo \"npm $*\"; echo 'added 1 package in 1s'");
    long hour = Math.floorDiv(System.currentTimeMillis() / 1000, 3600) * 3600;
    for (String other : List.of("desktop_WSL", "server_Win")) {
      MachineUsageTest.writeLines(oneDrive.resolve(".ghc-api/agents/" + other + "/token_usage_hourly.jl"),
          MachineUsageTest.hourLine(hour, "alice", "gpt-5", 3, 3000, 300),
          MachineUsageTest.hourLine(hour, "alice", "claude-sonnet-4.5", 1, 1000, 100));
    }
    Await.result(vertx.deployVerticle(new SyncVerticle(), new DeploymentOptions().setConfig(machine.config(oneDrive)
        .put("install_packages", new JsonObject().put("claude-code", "@anthropic-ai/claude-code")
            .put("claude-agent-acp", "@agentclientprotocol/claude-agent-acp")))));
    simulator = Await.result(CopilotSimulator.start(vertx, new SimulatorOptions()));
    gateway = Await.result(Gateway.start(vertx, GatewayConfig.from(new JsonObject().put("port", 0)
        .put("copilot_api_base_url", simulator.baseUrl()).put("github_api_base_url", simulator.baseUrl())),
        GithubCredentials.of("gho_test_token", GithubCredentials.Source.CONFIGURED)));
    driver = browser();

    driver.get("http://127.0.0.1:" + gateway.port() + "/code-agent-manager/config");
    textContains("#sync-rows tr[data-file='claude']", "Only on this machine");
    textContains("#sync-summary", "laptop_Linux");
    textContains("#version-rows tr[data-tool='nodejs']", "v20.20.2");
    screenshot("sync-status");

    driver.findElement(By.id("push-button")).click();
    Alert confirm = wait("the push confirmation", ExpectedConditions.alertIsPresent());
    assertTrue(confirm.getText().startsWith("Push Claude Code settings.json"), confirm.getText());
    confirm.accept();
    textContains("#sync-message", "Pushed");
    textContains("#sync-rows tr[data-file='claude']", "In sync");
    assertEquals(ConfigSyncTest.CLAUDE_A, FakeMachine.read(oneDrive.resolve(".ghc-api/configSync/claude_settings.json")));
    textContains("#hash-rows tr[data-machine='laptop_Linux']", "Yes");

    machine.write(machine.claude(), ConfigSyncTest.CLAUDE_A.replace("secret-0001", "secret-0002"));
    driver.findElement(By.id("refresh-button")).click();
    textContains("#sync-rows tr[data-file='claude']", "Changed here");
    driver.findElement(By.cssSelector("#sync-rows tr[data-file='claude'] button")).click();
    textContains("#diff-lines", "<redacted>");
    textContains("#diff-note", "ANTHROPIC_AUTH_TOKEN");
    assertFalse(driver.getPageSource().contains("machine-a-secret"), "no secret on the page");

    driver.findElement(By.id("install-button")).click();
    wait("the install confirmation", ExpectedConditions.alertIsPresent()).accept();
    textContains("#install-steps li[data-id='claude-agent-acp']", "installed");
    textContains("#install-output", "npm install -g @anthropic-ai/claude-code");
    textContains("#install-message", "All installed");

    textContains(".machine-usage-table tbody", "server_Win");
    assertEquals(2, driver.findElements(By.cssSelector("[data-chart='by-machine'] svg")).size()
        + driver.findElements(By.cssSelector("[data-chart='by-model'] svg")).size());
    screenshot("sync-after-install");
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
        "document.getElementById('machine-usage-title').scrollIntoView()");
    screenshot("sync-machine-usage");

    List<String> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
        .collect(Collectors.toList());
    assertEquals(List.of(), severe);
  }

  private static ChromeDriver browser() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
        "--no-first-run", "--disable-extensions", "--lang=en-US", "--window-size=1366,1400");
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logging);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver")))
        .usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  private <T> T wait(String what, java.util.function.Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(50)).withMessage(what)
        .ignoring(StaleElementReferenceException.class).until(condition);
  }

  private void textContains(String css, String text) {
    wait("'" + text + "' in " + css, d -> {
      var found = d.findElements(By.cssSelector(css));
      return !found.isEmpty() && found.get(0).getText().contains(text);
    });
  }

  private void screenshot(String name) throws Exception {
    Path folder = Files.createDirectories(Paths.get("target", "screenshots"));
    Files.write(folder.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
  }
}
