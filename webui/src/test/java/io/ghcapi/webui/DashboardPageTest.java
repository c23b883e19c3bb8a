package io.ghcapi.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.simulator.Fault;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The dashboard in a real browser: totals, charts, proxy activity and the live list of recent requests. */
@ExtendWith(DemoStage.class)
class DashboardPageTest {

  @Test
  void showsTheTotalsChartsAndCountersOfTheRequestsSent(DemoGateway server, Browser browser) {
    assertEquals(200, server.chat("gpt-4.1", "dashboard totals one", false).statusCode());
    assertEquals(200, server.chat("gpt-4.1", "dashboard totals two", true).statusCode());
    assertEquals(200, server.messages("claude-haiku-4-5-20251001", "dashboard totals three", false).statusCode());
    long total = eventuallyTotal(server, 3);

    browser.open(server.url("/"));
    browser.present("body[data-ready]");
    assertEquals(Long.toString(total), browser.find("[data-stat=requests] .stat-value").getText().replaceAll("[^0-9]", ""),
        "the requests card shows the server's total");
    assertTrue(parseCompact(browser.find("[data-stat=tokens-in] .stat-value").getText()) > 0, "input tokens counted");
    assertTrue(parseCompact(browser.find("[data-stat=tokens-out] .stat-value").getText()) > 0, "output tokens counted");
    assertTrue(browser.find("[data-stat=errors] .stat-label").getText().equalsIgnoreCase("Errors"));
    assertTrue(browser.find("[data-stat=bytes] .stat-sub").getText().contains("sent"));

    String byModel = browser.textContains("#chart-by-model", "gpt-4.1").getText();
    assertTrue(byModel.contains("claude-haiku-4.5"), "the mapped model is charted: " + byModel);
    browser.textContains("#chart-by-endpoint", "/v1/chat/completions");
    browser.textContains("#chart-by-endpoint", "/v1/messages");
    browser.textContains("#chart-by-node", DemoGateway.NODE_ID);
    browser.present("#chart-requests svg rect.series-1");
    browser.present("#chart-tokens svg polyline");
    browser.textContains("#counters-table", "mod.model_name_mapping");

    browser.script("window.scrollTo(0, 0);");
    browser.screenshot("dashboard");

    new org.openqa.selenium.support.ui.Select(browser.find("#breakdown-metric")).selectByValue("tokens");
    browser.waitUntil("breakdown by tokens", d -> d.findElement(By.cssSelector("#chart-by-model svg"))
        .getAttribute("aria-label").startsWith("Tokens by model"));
    browser.scrollTo("#breakdown-title");
    browser.screenshot("dashboard-breakdown");
  }

  @Test
  void aNewRequestAppearsLiveAndItsStateChangesWithoutAReload(DemoGateway server, Browser browser) throws Exception {
    browser.open(server.url("/"));
    browser.present("body[data-ready]");
    browser.textContains("#live-indicator", "Live");
    browser.script("window.__sameDocument = true;");

    server.simulator.faults().inject(Fault.slowFirstByte(1500).onPath("/chat/completions"));
    String marker = "live-" + UUID.randomUUID();
    long sentAt = System.nanoTime();
    CompletableFuture<HttpResponse<String>> response = CompletableFuture.supplyAsync(
        () -> server.chat("gpt-4.1", marker, true));

    WebElement running = browser.waitUntil("an in-flight row within 2 s", Duration.ofSeconds(2),
        d -> d.findElements(By.cssSelector("#recent-rows tr[data-state=sending], #recent-rows tr[data-state=receiving]"))
            .stream().findFirst().orElse(null));
    long appearedMillis = (System.nanoTime() - sentAt) / 1_000_000;
    String id = running.getAttribute("data-id");
    assertTrue(appearedMillis < 2000, "appeared after " + appearedMillis + " ms");

    HttpResponse<String> done = response.get(20, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals(200, done.statusCode());
    assertEquals(id, done.headers().firstValue("x-request-id").orElseThrow(), "the live row is this request");
    browser.waitUntil("the row turns completed", d -> "completed".equals(
        d.findElement(By.cssSelector("#recent-rows tr[data-id='" + id + "']")).getAttribute("data-state")));
    assertEquals(Boolean.TRUE, browser.script("return window.__sameDocument === true;"), "no reload happened");
    assertEquals(id, browser.find("#recent-rows tr").getAttribute("data-id"), "newest first");
  }

  @Test
  void loadsQuicklyWithAThousandEntriesInTheHistory(DemoGateway server, Browser browser) {
    StringBuilder lines = new StringBuilder();
    long now = System.currentTimeMillis() / 1000;
    String[] models = {"gpt-4.1", "claude-sonnet-4.5", "gpt-5-mini", "claude-haiku-4.5"};
    for (int i = 0; i < 1000; i++) {
      lines.append(new JsonObject()
          .put("id", "bulk-" + i + "-" + UUID.randomUUID())
          .put("timestamp", now - 86_000 + i * 80L)
          .put("endpoint", i % 3 == 0 ? "/v1/messages" : "/v1/chat/completions")
          .put("model", models[i % models.length])
          .put("user_id", i % 5 == 0 ? "bob" : "alice")
          .put("status_code", i % 50 == 0 ? 500 : 200)
          .put("state", i % 50 == 0 ? "error" : "completed")
          .put("input_tokens", 1200 + i).put("output_tokens", 300 + i)
          .put("request_size", 4000).put("response_size", 2000).put("duration", 1.5)
          .put("request_body", new JsonObject().put("model", models[i % models.length]).put("messages", "bulk " + i))
          .encode()).append('\n');
    }
    JsonObject report = server.importLines(lines.toString());
    assertEquals(1000, report.getLong("imported"), report.encode());

    browser.open(server.url("/"));
    browser.present("body[data-ready]");
    Number readyAt = (Number) browser.script(
        "const mark = performance.getEntriesByName('dashboard-ready')[0]; return mark ? mark.startTime : null;");
    assertNotNull(readyAt, "the dashboard marks when it is ready");
    long millis = Math.round(readyAt.doubleValue());
    System.out.println("DASHBOARD_LOAD_MS=" + millis);
    assertEquals(50, browser.all("#recent-rows tr").size(), "the recent list shows the newest 50");
    assertTrue(millis < 5000, "dashboard ready after " + millis + " ms");
    browser.textContains("#chart-by-user", "bob");
  }

  @Test
  void saysClearlyWhenTheServerIsUnreachableAndComesBackByItself(DemoStage.Stage stage, Browser browser)
      throws Exception {
    Path dir = Files.createTempDirectory(stage.dir, "restarted");
    int port = freePort();
    DemoGateway first = DemoGateway.start(dir, new JsonObject().put("port", port));
    try {
      assertEquals(200, first.chat("gpt-4.1", "before the restart", false).statusCode());
      browser.open(first.url("/"));
      browser.present("body[data-ready]");
      browser.textContains("#live-indicator", "Live");
    } finally {
      first.close();
    }
    stage.expectConsole("ERR_CONNECTION_REFUSED", "ERR_EMPTY_RESPONSE", "ERR_CONNECTION_RESET",
        "ERR_INCOMPLETE_CHUNKED_ENCODING");
    browser.textContains("#banner-offline", "Server unreachable");
    browser.textContains("#live-indicator", "Reconnecting");
    assertTrue(browser.find("#recent-rows").getText().contains("gpt-4.1"), "what was shown stays on screen");
    browser.screenshot("dashboard-offline");

    try (DemoGateway second = DemoGateway.start(dir, new JsonObject().put("port", port))) {
      browser.waitUntil("the page reconnects", Duration.ofSeconds(20),
          d -> d.findElements(By.id("banner-offline")).isEmpty()
              && d.findElement(By.id("live-indicator")).getText().contains("Live"));
      String id = second.chat("gpt-4.1", "after the restart", false).headers().firstValue("x-request-id").orElseThrow();
      browser.present("#recent-rows tr[data-id='" + id + "']");
      browser.open("about:blank");
    }
  }

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static long eventuallyTotal(DemoGateway server, long atLeast) {
    long deadline = System.currentTimeMillis() + 10_000;
    long total = 0;
    while (System.currentTimeMillis() < deadline) {
      total = server.getJson("/api/stats").getLong("total_requests");
      if (total >= atLeast) {
        return total;
      }
      sleep(50);
    }
    throw new AssertionError("total_requests stayed at " + total);
  }

  static double parseCompact(String text) {
    String t = text.trim().replace(",", "").replace('\u202f', ' ').replace(" ", "");
    double factor = 1;
    if (t.endsWith("K")) {
      factor = 1e3;
    } else if (t.endsWith("M")) {
      factor = 1e6;
    } else if (t.endsWith("B")) {
      factor = 1e9;
    }
    return Double.parseDouble(factor == 1 ? t : t.substring(0, t.length() - 1)) * factor;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
