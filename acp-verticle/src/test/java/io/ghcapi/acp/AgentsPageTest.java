package io.ghcapi.acp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The agents page in headless Chromium against the gateway with the fake agent: start a session, prompt it
 * and see the text stream in, a tool call with its diff, a plan, answer a permission request, cancel a turn,
 * reload to see the stored history, close the session. With the real Claude adapter installed, a Claude
 * session started and chatted with from the page.
 */
class AgentsPageTest {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @TempDir
  static Path temp;
  private static AcpFixture fixture;
  private static WebDriver driver;

  @BeforeAll
  static void start() {
    String driverPath = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    Assumptions.assumeTrue(new File(driverPath).canExecute(), "chromedriver is not installed at " + driverPath);
    AcpFixture.Builder builder = AcpFixture.builder(temp.resolve("state"));
    ClaudeAdapter.installed().ifPresent(adapter -> builder.agent("claude-code",
        ClaudeAdapter.entry(adapter, AcpFixture.folder(temp, "claude-home"))).acp("acp_start_timeout_ms", 120_000));
    fixture = builder.start();
    ChromeOptions options = new ChromeOptions();
    if (new File("/usr/bin/chromium").exists()) {
      options.setBinary("/usr/bin/chromium");
    }
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
        "--no-first-run", "--window-size=1280,900", "--lang=en-US");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(driverPath))
        .usingAnyFreePort().build(), options);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void startAChatAnswerAPermissionCancelAndFindItAgain() throws Exception {
    Path work = AcpFixture.folder(temp, "project");
    driver.get(fixture.baseUrl() + "/agent");
    waitFor("agent kinds", d -> !new Select(d.findElement(By.id("agent-kind"))).getOptions().isEmpty());
    new Select(driver.findElement(By.id("agent-kind"))).selectByValue("fake");
    WebElement folder = driver.findElement(By.id("working-directory"));
    folder.clear();
    folder.sendKeys(work.toString());
    driver.findElement(By.id("start-session")).click();
    waitForText("#session-status", "ready");
    String sessionId = waitFor("the session in the address", d -> {
      String url = d.getCurrentUrl();
      return url.contains("session=") ? url.substring(url.indexOf("session=") + 8) : null;
    });

    prompt("/stream");
    waitForText("#agent-log", "part-1 part-2 part-3 part-4 part-5");
    waitFor("the turn's end", d -> d.findElements(By.cssSelector(".agent-stop[data-stop-reason=end_turn]")).size() == 1);
    assertTrue(driver.findElement(By.cssSelector(".agent-thought summary")).getText().contains("Thinking"));

    prompt("/tool");
    waitFor("a completed tool call", d -> !d.findElements(By.cssSelector(".agent-tool[data-status=completed]")).isEmpty());
    assertEquals("+ x", driver.findElement(By.cssSelector(".agent-tool .diff-add")).getText());

    prompt("/plan");
    waitFor("the plan", d -> d.findElements(By.cssSelector(".agent-plan .agent-plan-entry")).size() == 2);
    assertEquals(1, driver.findElements(By.cssSelector(".agent-plan")).size(), "the second plan replaced the first");

    prompt("/permission");
    WebElement allow = waitFor("the permission buttons",
        d -> d.findElements(By.cssSelector(".agent-permission button[data-option-id=allow]")).stream().findFirst()
            .orElse(null));
    assertEquals("Allow once", allow.getText());
    allow.click();
    waitForText("#agent-log", "permission: selected allow");
    waitForText(".agent-permission-outcome", "Answered “Allow once” by you.");

    prompt("/slow");
    waitForText("#agent-log", "tick-1");
    driver.findElement(By.id("cancel-prompt")).click();
    waitFor("the cancelled turn", d -> !d.findElements(By.cssSelector(".agent-stop[data-stop-reason=cancelled]")).isEmpty());
    waitForText("#session-status", "ready");
    screenshot("agents-chat");

    driver.navigate().refresh();
    waitForText("#agent-log", "part-1 part-2 part-3 part-4 part-5");
    waitFor("the stored turns", d -> d.findElements(By.cssSelector(".agent-stop")).size() == 5);
    assertEquals(1, driver.findElements(By.cssSelector(".agent-stop[data-stop-reason=cancelled]")).size());
    waitFor("the session in the list", d -> !d.findElements(By.cssSelector(
        ".agent-session-item[data-session-id='" + sessionId + "']")).isEmpty());

    driver.findElement(By.id("close-session")).click();
    waitForText("#session-status", "closed");
    assertTrue(driver.findElement(By.id("prompt-input")).getAttribute("disabled") != null);
    assertNoConsoleErrors();
  }

  @Test
  void aClaudeSessionWithTheInstalledAdapterChatsThroughThisGateway() throws Exception {
    Assumptions.assumeTrue(ClaudeAdapter.installed().isPresent(), ClaudeAdapter.notInstalled());
    driver.get(fixture.baseUrl() + "/agent");
    waitFor("agent kinds", d -> !new Select(d.findElement(By.id("agent-kind"))).getOptions().isEmpty());
    new Select(driver.findElement(By.id("agent-kind"))).selectByValue("claude-code");
    WebElement folder = driver.findElement(By.id("working-directory"));
    folder.clear();
    folder.sendKeys(AcpFixture.folder(temp, "claude-project").toString());
    driver.findElement(By.id("start-session")).click();
    waitFor("the Claude session", Duration.ofSeconds(120), d -> d.findElements(By.cssSelector("#session-status"))
        .stream().anyMatch(e -> e.getText().contains("ready")));
    prompt("say hi");
    waitFor("Claude's answer", Duration.ofSeconds(120), d -> d.findElements(By.cssSelector(".agent-stop")).size() == 1);
    assertTrue(driver.findElement(By.id("agent-log")).getText().contains("Simulated reply from claude-"));
    assertEquals(1, driver.findElements(By.cssSelector(".agent-stop[data-stop-reason=end_turn]")).size());
    screenshot("agents-claude");
    driver.findElement(By.id("close-session")).click();
    waitForText("#session-status", "closed");
    assertNoConsoleErrors();
  }

  @Test
  void aMissingAgentIsMarkedAndItsInstallHintShown() {
    driver.get(fixture.baseUrl() + "/agent");
    waitFor("agent kinds", d -> !new Select(d.findElement(By.id("agent-kind"))).getOptions().isEmpty());
    WebElement missing = driver.findElement(By.cssSelector("#agent-kind option[value=missing]"));
    assertTrue(missing.getAttribute("disabled") != null);
    assertTrue(missing.getText().contains("not installed"));
    WebElement notInstalled = driver.findElement(By.cssSelector("#agent-kind-hint details summary"));
    assertTrue(notInstalled.getText().contains("Missing agent"), notInstalled.getText());
    notInstalled.click();
    assertTrue(driver.findElement(By.id("agent-kind-hint")).getText().contains("npm install -g @example/missing-agent"));
    assertNoConsoleErrors();
  }

  private void prompt(String text) {
    waitFor("the prompt box to be ready", d -> d.findElement(By.id("send-prompt")).isEnabled());
    WebElement input = driver.findElement(By.id("prompt-input"));
    input.clear();
    input.sendKeys(text);
    driver.findElement(By.id("send-prompt")).click();
  }

  private <T> T waitFor(String what, Function<WebDriver, T> condition) {
    return waitFor(what, Duration.ofSeconds(20), condition);
  }

  private <T> T waitFor(String what, Duration timeout, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, timeout).withMessage(what).until(condition);
  }

  private void waitForText(String css, String expected) {
    waitFor(css + " containing \"" + expected + "\"", d -> {
      List<WebElement> found = d.findElements(By.cssSelector(css));
      return !found.isEmpty() && found.get(0).getText().contains(expected);
    });
  }

  private static void screenshot(String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  private static void assertNoConsoleErrors() {
    List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    assertEquals(List.of(), errors, "browser console errors");
  }
}
