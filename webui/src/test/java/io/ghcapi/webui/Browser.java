package io.ghcapi.webui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian chromium driven by its chromedriver (never Selenium Manager: no network), with the
 * console captured, downloads going to a known folder and screenshots saved under target/screenshots.
 */
final class Browser implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(10);
  static final Dimension LAPTOP = new Dimension(1366, 900);
  static final Dimension PHONE = new Dimension(390, 844);
  private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
  /** Chromium asks for these by itself; they say nothing about the pages. */
  private static final Pattern IGNORED = Pattern.compile("favicon\\.ico");

  final ChromeDriver driver;
  final Path downloads;
  private final List<String> logsSeen = new ArrayList<>();

  Browser(Path downloads) {
    this.downloads = downloads;
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
        "--no-first-run", "--disable-extensions", "--lang=en-US", "--window-size=" + LAPTOP.width + "," + LAPTOP.height);
    Map<String, Object> prefs = new HashMap<>();
    prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
    prefs.put("download.prompt_for_download", false);
    options.setExperimentalOption("prefs", prefs);
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logging);
    String driverPath = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(driverPath)).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(LAPTOP);
  }

  void open(String url) {
    driver.get(url);
  }

  Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  <T> T waitUntil(String what, Function<WebDriver, T> condition) {
    return waitUntil(what, WAIT, condition);
  }

  <T> T waitUntil(String what, Duration timeout, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, timeout, Duration.ofMillis(50)).withMessage(what)
        .ignoring(StaleElementReferenceException.class).until(condition);
  }

  WebElement visible(String css) {
    return waitUntil("visible: " + css, ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  WebElement present(String css) {
    return waitUntil("present: " + css, ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }

  /** Waits until the element's text contains {@code text}; returns the element. */
  WebElement textContains(String css, String text) {
    waitUntil("'" + text + "' in " + css, d -> {
      List<WebElement> found = d.findElements(By.cssSelector(css));
      return !found.isEmpty() && found.get(0).getText().contains(text);
    });
    return driver.findElement(By.cssSelector(css));
  }

  /** Clicks an element after scrolling it to the middle of the window (clear of the sticky navigation bar). */
  void click(String css) {
    WebElement element = present(css);
    script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
    element.click();
  }

  /** Scrolls an element to the top of the window, below the navigation bar (for screenshots). */
  void scrollTo(String css) {
    script("arguments[0].scrollIntoView({block: 'start'});", present(css));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  void resize(Dimension size) {
    driver.manage().window().setSize(size);
  }

  /** Removes the screenshots of an earlier run, so the folder shows this run only. */
  static void forgetScreenshots() {
    if (!Files.isDirectory(SCREENSHOTS)) {
      return;
    }
    try (java.util.stream.Stream<Path> files = Files.list(SCREENSHOTS)) {
      files.filter(path -> path.toString().endsWith(".png")).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new AssertionError("cannot clean " + SCREENSHOTS, e);
    }
  }

  /** Saves a PNG of the viewport as target/screenshots/{name}.png and returns its path. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new AssertionError("cannot save the screenshot " + name, e);
    }
  }

  /**
   * Fails on SEVERE browser-console entries (script errors, failed loads) since the last call, except those
   * matching one of {@code expected} (answers a test provoked on purpose, such as a validation 400).
   */
  void assertNoConsoleErrors(String... expected) {
    List<String> severe = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER).getAll()) {
      logsSeen.add(entry.getLevel() + " " + entry.getMessage());
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !IGNORED.matcher(entry.getMessage()).find()
          && !matchesAny(entry.getMessage(), expected)) {
        severe.add(entry.getMessage());
      }
    }
    assertTrue(severe.isEmpty(), "browser console errors:\n" + severe.stream().collect(Collectors.joining("\n")));
  }

  /** Everything the console logged since the last check, for a failure report. */
  String drainConsole() {
    StringBuilder out = new StringBuilder();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER).getAll()) {
      out.append(entry.getLevel()).append(' ').append(entry.getMessage()).append('\n');
    }
    return out.toString();
  }

  private static boolean matchesAny(String message, String... expected) {
    for (String part : expected) {
      if (message.contains(part)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
