package io.ghcapi.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

/** Runtime settings: validation messages next to the field, a change applied, mappings edited, live updates. */
@ExtendWith(DemoStage.class)
class SettingsPageTest {

  @Test
  void aChangeIsValidatedThenAppliedAndReflected(DemoStage.Stage stage, DemoGateway server, Browser browser) {
    int before = server.getJson("/api/runtime-config").getInteger("max_connection_retries");
    browser.open(server.url("/settings"));
    WebElement retries = browser.visible("#setting-max_connection_retries");
    assertEquals(String.valueOf(before), retries.getAttribute("value"));

    type(retries, "two");
    browser.click("#save-button");
    browser.textContains("#setting-max_connection_retries-error", "Enter a number");
    assertEquals(before, server.getJson("/api/runtime-config").getInteger("max_connection_retries"), "nothing sent");

    stage.expectConsole("/api/runtime-config - Failed to load resource: the server responded with a status of 400");
    type(retries, "11");
    browser.click("#save-button");
    browser.textContains("#setting-max_connection_retries-error", "must be between 0 and 10");
    browser.textContains("#settings-message", "Not saved");
    assertEquals("true", retries.getAttribute("aria-invalid"));
    browser.scrollTo("[data-key=max_connection_retries]");
    browser.screenshot("settings-validation");
    assertEquals(before, server.getJson("/api/runtime-config").getInteger("max_connection_retries"), "nothing applied");

    type(retries, "2");
    browser.click("#save-button");
    browser.textContains("#settings-message", "does not modify config.yaml");
    assertEquals(2, server.getJson("/api/runtime-config").getInteger("max_connection_retries"));
    assertEquals("", browser.find("#setting-max_connection_retries-error").getText());
    browser.screenshot("settings");

    server.postJson("/api/runtime-config", new JsonObject().put("max_connection_retries", before)
        .put("vscode_version", "1.99.7"));
    browser.waitUntil("the change made elsewhere shows", d -> "1.99.7".equals(
        browser.find("#setting-vscode_version").getAttribute("value")));
    assertEquals(String.valueOf(before), browser.find("#setting-max_connection_retries").getAttribute("value"));
    browser.textContains("#settings-message", "changed elsewhere");
  }

  @Test
  void aModelMappingAddedInTheEditorIsUsedAtOnce(DemoGateway server, Browser browser) {
    String alias = "ui-alias-" + UUID.randomUUID().toString().substring(0, 8);
    browser.open(server.url("/settings"));
    browser.visible("#setting-model_mappings button[data-add=exact]");
    browser.click("#setting-model_mappings button[data-add=exact]");
    List<WebElement> rows = browser.all("#setting-model_mappings-exact tr");
    WebElement last = rows.get(rows.size() - 1);
    last.findElement(org.openqa.selenium.By.cssSelector(".mapping-from")).sendKeys(alias);
    browser.click("#save-button");
    browser.textContains("#setting-model_mappings-error", "needs both");

    last.findElement(org.openqa.selenium.By.cssSelector(".mapping-to")).sendKeys("gpt-4.1");
    browser.click("#save-button");
    browser.textContains("#settings-message", "Runtime configuration updated");
    browser.scrollTo("#setting-model_mappings");
    browser.screenshot("settings-mappings");
    JsonObject exact = server.getJson("/api/runtime-config").getJsonObject("model_mappings").getJsonObject("exact");
    assertEquals("gpt-4.1", exact.getString(alias));

    assertEquals(200, server.chat(alias, "mapped from the settings page", false).statusCode());
    assertEquals("gpt-4.1", server.simulator.received().last("/chat/completions").orElseThrow().json().getString("model"));
    assertTrue(browser.find("#save-button").getAttribute("disabled") != null, "nothing left to save");
  }

  private static void type(WebElement input, String text) {
    input.clear();
    input.sendKeys(text);
  }
}
