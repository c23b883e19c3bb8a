package io.ghcapi.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The frame every page shares: one navigation bar, themes, phone widths, the keyboard, many page visits. */
@ExtendWith(DemoStage.class)
class LayoutTest {

  private static final List<String> PAGES = List.of("/", "/requests", "/code-agent-manager", "/settings");

  @Test
  void everyPageHasTheSameNavigationWithItsOwnEntryMarked(DemoGateway server, Browser browser) {
    List<String> expected = List.of("Dashboard /", "Requests /requests", "Tokens & usage /code-agent-manager",
        "Sync & tools /code-agent-manager/config", "Agents /agent", "Settings /settings");
    for (String page : PAGES) {
      browser.open(server.url(page));
      browser.present("#nav a[aria-current=page]");
      List<String> links = browser.all("#nav .nav-links a").stream()
          .map(a -> a.getText() + " " + a.getAttribute("href").replace(server.url(""), ""))
          .collect(Collectors.toList());
      assertEquals(expected, links, page);
      assertEquals(server.url(page), browser.find("#nav a[aria-current=page]").getAttribute("href"), page);
      assertEquals(1, browser.all("main h1").size(), page + " has one heading of its own");
    }
  }

  @Test
  void worksAtPhoneWidthInTheDarkThemeAndFromTheKeyboard(DemoGateway server, Browser browser) {
    browser.open(server.url("/"));
    browser.present("body[data-ready]");
    browser.resize(Browser.PHONE);

    WebElement menu = browser.visible(".nav-menu-button");
    assertTrue(browser.all(".nav-links a").stream().noneMatch(WebElement::isDisplayed), "links folded away");
    menu.click();
    assertEquals("true", menu.getAttribute("aria-expanded"));
    browser.visible(".nav-links a[href='/requests']");

    String before = (String) browser.script("return document.documentElement.dataset.theme || '';");
    browser.find("#theme-toggle").click();
    String after = (String) browser.script("return document.documentElement.dataset.theme;");
    assertTrue(List.of("dark", "light").contains(after) && !after.equals(before), before + " -> " + after);
    if (!"dark".equals(after)) {
      browser.find("#theme-toggle").click();
    }
    assertEquals("dark", browser.script("return document.documentElement.dataset.theme;"));
    browser.screenshot("dashboard-phone-dark");

    browser.open(server.url("/"));
    assertEquals("dark", browser.script("return document.documentElement.dataset.theme;"), "the choice is kept");
    browser.present("body[data-ready]");
    browser.find("body").sendKeys(Keys.TAB);
    WebElement focused = browser.driver.switchTo().activeElement();
    assertEquals("Skip to content", focused.getText(), "the first Tab reaches the skip link");
    browser.script("localStorage.removeItem('ghc-theme');");
  }

  @Test
  void goingBackAndForthBetweenPagesNeverStallsTheConnection(DemoGateway server, Browser browser) {
    // Each page holds an event stream; pages kept in the back/forward cache must let go of theirs, or the
    // browser's six connections per server run out and every later request waits forever.
    for (int round = 0; round < 2; round++) {
      for (String page : PAGES) {
        browser.open(server.url(page));
        browser.textContains("#live-indicator", "Live");
      }
      browser.driver.navigate().back();
      browser.driver.navigate().back();
      browser.driver.navigate().forward();
      browser.textContains("#live-indicator", "Live");
    }
    browser.open(server.url("/settings"));
    WebElement version = browser.visible("#setting-vscode_version");
    version.clear();
    version.sendKeys("1.95.1");
    browser.click("#save-button");
    browser.textContains("#settings-message", "Runtime configuration updated");
    assertEquals("1.95.1", server.getJson("/api/runtime-config").getString("vscode_version"));
  }

  @Test
  void asksForTheAdminTokenWhenTheServerHasOne(DemoStage.Stage stage, Browser browser) throws Exception {
    String token = "admin-token-for-the-browser-test";
    Path dir = Files.createTempDirectory(stage.dir, "guarded");
    try (DemoGateway guarded = DemoGateway.start(dir, new JsonObject().put("admin_token", token))) {
      stage.expectConsole("status of 401");
      browser.open(guarded.url("/"));
      browser.textContains("#banner-admin-token", "admin token");
      assertTrue(browser.all("body[data-ready]").isEmpty(), "nothing is shown without the token");
      browser.screenshot("admin-token");

      browser.find("#admin-token-input").sendKeys(token + Keys.ENTER);
      browser.present("body[data-ready]");
      browser.textContains("#live-indicator", "Live");
      assertTrue(browser.all("#banner-admin-token").isEmpty());
      browser.find("#nav button[title^='Forget the admin token']").click();
      browser.textContains("#banner-admin-token", "admin token");
      browser.open("about:blank");
    }
  }
}
