package io.ghcapi.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** Tokens & usage: token status, sign-out, the device login against the simulator, usage per machine. */
@ExtendWith(DemoStage.class)
class TokensPageTest {

  @Test
  void signOutThenTheDeviceLoginReachesLoggedIn(DemoGateway server, Browser browser) {
    browser.open(server.url("/code-agent-manager"));
    browser.textContains("#github-badge", "Signed in");
    browser.textContains("#copilot-badge", "Token ready");
    assertFalse(browser.find("main").getText().contains("demo-github-token"), "no token value is shown");

    browser.find("#logout-button").click();
    browser.driver.switchTo().alert().accept();
    browser.textContains("#tokens-message", "Signed out");
    browser.textContains("#github-badge", "Not signed in");

    browser.find("#login-button").click();
    assertEquals("ABCD-1234", browser.textContains("#user-code", "ABCD-1234").getText());
    String link = browser.find("#verification-link").getAttribute("href");
    assertTrue(link.startsWith("http"), link);
    browser.screenshot("tokens-device-code");
    browser.waitUntil("the login completes", Duration.ofSeconds(20),
        d -> d.findElements(By.cssSelector("#login-outcome")).stream().anyMatch(e -> e.getText().contains("Logged in")));
    browser.textContains("#github-badge", "Signed in");
    assertEquals("device_flow", server.getJson("/api/config-manager/token-status").getString("github_token_source"));
    assertEquals(200, server.chat("gpt-4.1", "after the new login", false).statusCode(), "Copilot works again");
  }

  @Test
  void chartsTokenUsagePerMachineOverTheChosenRange(DemoGateway server, Browser browser) {
    assertEquals(200, server.chat("gpt-4.1", "usage for the chart", false).statusCode());
    browser.open(server.url("/code-agent-manager"));
    browser.present("#usage-rows tr[data-machine='" + DemoGateway.NODE_ID + "'][data-model='gpt-4.1']");
    assertTrue(DashboardPageTest.parseCompact(browser.find("[data-usage=total] .stat-value").getText()) > 0);
    browser.present("#usage-chart svg polyline.series-1");
    assertTrue(browser.find("#usage-chart").getText().contains(DemoGateway.NODE_ID), "the legend names the machine");
    assertTrue(browser.find("#usage-chart-title").getText().endsWith("per day"));

    new Select(browser.find("#usage-range")).selectByValue("day");
    browser.textContains("#usage-chart-title", "per hour");
    new Select(browser.find("#usage-range")).selectByValue("hour");
    browser.present("#usage-rows tr[data-machine='" + DemoGateway.NODE_ID + "']");
    new Select(browser.find("#usage-range")).selectByValue("month");
    browser.textContains("#usage-chart-title", "per day");
    browser.screenshot("tokens");
  }
}
