package io.ghcapi.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.simulator.Fault;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The request browser: search, filters, pages, the detail view, export and import. */
@ExtendWith(DemoStage.class)
class RequestBrowserTest {

  @Test
  void searchAndFiltersFindTheRightEntries(DemoGateway server, Browser browser) {
    String marker = "needle-" + UUID.randomUUID();
    String chatId = idOf(server.chat("gpt-4.1", "alpha " + marker, false));
    String claudeId = idOf(server.messages("claude-haiku-4-5-20251001", "bravo " + marker, false));
    server.simulator.faults().inject(Fault.serverError(10).onPath("/chat/completions"));
    HttpResponse<String> failed;
    try {
      failed = server.chat("gpt-4.1", "charlie " + marker, false);
    } finally {
      server.simulator.faults().clear();
    }
    assertTrue(failed.statusCode() >= 500, "the upstream failure reaches the client: " + failed.statusCode());
    String failedId = idOf(failed);

    browser.open(server.url("/requests"));
    browser.present("#results tr[data-id]");
    search(browser, marker, "full");
    assertEquals(Set.of(chatId, claudeId, failedId), Set.copyOf(rowIds(browser)), "full text finds all three bodies");
    assertTrue(browser.find("#result-count").getText().startsWith("3 requests"), browser.find("#result-count").getText());

    search(browser, marker, "basic");
    browser.textContains("#results", "No request matches");
    assertTrue(rowIds(browser).isEmpty(), "the marker is only in the bodies, not in summary fields");

    search(browser, claudeId, "basic");
    assertEquals(List.of(claudeId), rowIds(browser), "the basic search matches the id");

    browser.find("#q").clear();
    browser.find("#q").sendKeys(marker);
    browser.find("input[name=mode][value=full]").click();
    new Select(browser.find("#filter-model")).selectByValue("claude-haiku-4.5");
    submitAndWait(browser);
    assertEquals(List.of(claudeId), rowIds(browser), "full text and the model filter");

    new Select(browser.find("#filter-model")).selectByValue("");
    new Select(browser.find("#filter-status")).selectByValue("5xx");
    submitAndWait(browser);
    assertEquals(List.of(failedId), rowIds(browser), "full text and the status filter");

    new Select(browser.find("#filter-status")).selectByValue("2xx");
    new Select(browser.find("#filter-endpoint")).selectByValue("/v1/messages");
    submitAndWait(browser);
    assertEquals(List.of(claudeId), rowIds(browser), "status and endpoint filters together");

    new Select(browser.find("#filter-endpoint")).selectByValue("");
    new Select(browser.find("#filter-node")).selectByValue(DemoGateway.NODE_ID);
    new Select(browser.find("#filter-range")).selectByValue("15m");
    submitAndWait(browser);
    assertEquals(Set.of(chatId, claudeId), Set.copyOf(rowIds(browser)), "node and time filters");
    assertTrue(browser.driver.getCurrentUrl().contains("range=15m"), "the search is in the address bar");

    browser.driver.navigate().refresh();
    browser.present("#results tr[data-id]");
    assertEquals(Set.of(chatId, claudeId), Set.copyOf(rowIds(browser)), "a reload keeps the search");
    assertEquals("2xx", new Select(browser.find("#filter-status")).getFirstSelectedOption().getAttribute("value"));
    browser.screenshot("requests");
  }

  @Test
  void pagesThroughTheResults(DemoGateway server, Browser browser) {
    String user = "pager-" + UUID.randomUUID().toString().substring(0, 8);
    StringBuilder lines = new StringBuilder();
    long now = System.currentTimeMillis() / 1000;
    for (int i = 0; i < 45; i++) {
      lines.append(new JsonObject().put("id", user + "-" + i).put("timestamp", now - 100 + i).put("user_id", user)
          .put("model", "gpt-4.1").put("endpoint", "/v1/chat/completions").encode()).append('\n');
    }
    assertEquals(45, server.importLines(lines.toString()).getLong("imported"));

    browser.open(server.url("/requests?user=" + user + "&per_page=20"));
    browser.textContains("#page-info", "Page 1 of 3");
    assertEquals(20, rowIds(browser).size());
    assertEquals(user + "-44", rowIds(browser).get(0), "newest first");
    assertTrue(browser.find("#prev-page").getAttribute("disabled") != null);
    browser.find("#next-page").click();
    browser.textContains("#page-info", "Page 2 of 3");
    browser.find("#next-page").click();
    browser.textContains("#page-info", "Page 3 of 3");
    assertEquals(5, rowIds(browser).size());
    assertEquals(user + "-0", rowIds(browser).get(4));
    assertTrue(browser.find("#next-page").getAttribute("disabled") != null);
    browser.driver.navigate().back();
    browser.textContains("#page-info", "Page 2 of 3");
  }

  @Test
  void theDetailViewShowsHeadersBodiesTheStreamAndACurlCommand(DemoGateway server, Browser browser) {
    String marker = "detail-" + UUID.randomUUID();
    HttpResponse<String> streamed = server.messages("claude-haiku-4-5-20251001", "please answer " + marker, true);
    assertEquals(200, streamed.statusCode());
    String id = idOf(streamed);
    String answer = anthropicStreamText(streamed.body());
    assertFalse(answer.isEmpty(), "the simulator answered some text");

    browser.open(server.url("/requests?q=" + id));
    browser.present("#results tr[data-id='" + id + "'] a").click();
    browser.visible("#detail-view");
    browser.textContains("#detail-title", "claude-haiku");
    assertTrue(browser.driver.getCurrentUrl().endsWith("#request=" + id));

    browser.click("#headers-panel summary");
    String headers = browser.visible("#request-headers").getText();
    assertTrue(headers.contains("x-api-key") && headers.contains("[REDACTED"), headers);
    assertTrue(headers.contains("anthropic-version"), headers);
    assertFalse(browser.find("#detail").getText().contains("sk-ant-client-secret"), "no credential on the page");

    assertTrue(browser.find("#client-body .json-view").getText().contains(marker), "the client body is shown");
    assertTrue(browser.all("#client-body .jv-toggle").size() > 1, "collapsible JSON");
    browser.click("#forwarded-body summary");
    assertTrue(browser.find("#forwarded-body").getText().contains("claude-haiku-4.5"), "the body sent upstream, mapped");
    browser.click("#client-body .json-tools button");
    assertTrue(browser.all("#client-body .jv-toggle[aria-expanded=false]").isEmpty(), "expand all");

    WebElement text = browser.visible("#replay-text");
    assertEquals(answer, text.getText(), "the replay ends with the answer the client received");
    String counter = browser.find("#replay-counter").getText();
    for (int i = 0; i < 4; i++) {
      browser.click("button[aria-label='Previous event']");
    }
    String earlier = browser.find("#replay-text").getText().replace("(no text yet)", "");
    assertTrue(earlier.length() < answer.length() && answer.startsWith(earlier),
        "stepping back shows less of the answer: '" + earlier + "'");
    new Select(browser.find("#replay-speed")).selectByValue("250");
    browser.click("#replay-play");
    browser.waitUntil("the replay runs to the end", d -> counter.equals(browser.find("#replay-counter").getText())
        && answer.equals(browser.find("#replay-text").getText()));

    browser.scrollTo("#stream-panel");
    browser.screenshot("request-detail-replay");
    browser.click("#curl-panel summary");
    String curl = browser.visible("#curl-command").getText();
    assertTrue(curl.startsWith("curl '" + server.url("/v1/messages") + "'"), curl);
    assertTrue(curl.contains(marker) && curl.contains("x-api-key: $GHC_API_KEY") && curl.contains("-N")
        && curl.contains("anthropic-version: 2023-06-01"), curl);
    browser.click("#copy-curl");
    browser.textContains("#copy-status", "Cop");
    browser.screenshot("request-detail");

    browser.click("#back-button");
    browser.visible("#list-view");
    assertTrue(browser.find("#detail-view").getAttribute("hidden") != null);

    String chatId = idOf(server.chat("gpt-4.1", "streamed chat " + marker, true));
    browser.open(server.url("/requests#request=" + chatId));
    assertTrue(browser.visible("#response-body .json-view").getText().contains("choices"),
        "a chat stream is recorded as its assembled response");
  }

  @Test
  void exportThenImportRoundTrips(DemoGateway server, Browser browser) throws Exception {
    String marker = "transfer-" + UUID.randomUUID();
    String first = idOf(server.chat("gpt-4.1", "export me " + marker, false));
    String second = idOf(server.chat("gpt-4.1", "and me " + marker, true));
    long total = server.getJson("/api/requests?per_page=1").getLong("total");

    browser.open(server.url("/requests"));
    browser.present("#results tr[data-id]");
    browser.find("#export-button").click();
    browser.textContains("#export-text", "Exported");
    Path file = browser.waitUntil("the export is downloaded", d -> downloaded(browser.downloads));
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(total, lines.size(), "one line per entry");
    Set<String> exportedIds = lines.stream().map(line -> new JsonObject(line).getString("id")).collect(Collectors.toSet());
    assertTrue(exportedIds.containsAll(Set.of(first, second)));

    browser.find("#clear-button").click();
    browser.driver.switchTo().alert().accept();
    browser.textContains("#results", "The history is empty");

    Path withBadLine = file.resolveSibling("with-a-bad-line.jl");
    Files.writeString(withBadLine, String.join("\n", lines) + "\nthis line is not JSON\n", StandardCharsets.UTF_8);
    browser.find("#import-toggle").click();
    browser.visible("#import-file").sendKeys(withBadLine.toAbsolutePath().toString());
    browser.find("#import-button").click();
    browser.textContains("#import-result", "Imported " + String.format(java.util.Locale.US, "%,d", total) + " entr");
    assertTrue(browser.find("#import-errors").getText().startsWith("Line " + (lines.size() + 1) + ":"),
        browser.find("#import-errors").getText());
    browser.textContains("#result-count", String.format(java.util.Locale.US, "%,d", total) + " request");
    browser.screenshot("requests-import");

    assertEquals(exportedIds, Set.copyOf(server.getJson("/api/requests?per_page=500").getJsonArray("items").stream()
        .map(item -> ((JsonObject) item).getString("id")).collect(Collectors.toList())), "the same entries are back");
    JsonObject detail = server.getJson("/api/request/" + second);
    assertTrue(detail.encode().contains(marker), "with their bodies");
  }

  private static Path downloaded(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(path -> path.getFileName().toString().startsWith("requests_")
          && path.getFileName().toString().endsWith(".jl")).findFirst().orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  private static void search(Browser browser, String text, String mode) {
    browser.find("#q").clear();
    browser.find("#q").sendKeys(text);
    browser.find("input[name=mode][value=" + mode + "]").click();
    submitAndWait(browser);
  }

  /** Submits the search and waits for the list it asked for. */
  private static void submitAndWait(Browser browser) {
    String before = browser.find("#results").getAttribute("data-loaded");
    browser.find("#search-button").click();
    browser.waitUntil("the results of the search", d -> {
      String now = browser.find("#results").getAttribute("data-loaded");
      return now != null && !now.equals(before);
    });
  }

  private static List<String> rowIds(Browser browser) {
    return browser.all("#results tr[data-id]").stream().map(row -> row.getAttribute("data-id")).collect(Collectors.toList());
  }

  static String idOf(HttpResponse<String> response) {
    return response.headers().firstValue("x-request-id").orElseThrow(() ->
        new AssertionError("no x-request-id: " + response.statusCode() + " " + response.body()));
  }

  /** The text of an Anthropic Messages stream, as the client saw it. */
  static String anthropicStreamText(String sse) {
    StringBuilder text = new StringBuilder();
    for (String line : sse.split("\n")) {
      if (!line.startsWith("data: ")) {
        continue;
      }
      JsonObject event = new JsonObject(line.substring(6));
      JsonObject delta = event.getJsonObject("delta");
      if ("content_block_delta".equals(event.getString("type")) && delta != null
          && "text_delta".equals(delta.getString("type"))) {
        text.append(delta.getString("text"));
      }
    }
    return text.toString();
  }
}
