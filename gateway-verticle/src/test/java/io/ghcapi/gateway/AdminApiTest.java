package io.ghcapi.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.junit5.VertxExtension;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every {@code /api/*} endpoint's shape, with the history deployed as the app does. */
@ExtendWith(VertxExtension.class)
class AdminApiTest {

  private GatewayFixture fixture;

  @BeforeEach
  void start(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).withHistory().simulator(o -> o.setDevicePendingPolls(1).setDeviceIntervalSeconds(1))
        .start();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void statsCountEachRequestOnceWithTheProxyActivityCounters() throws InterruptedException {
    chat("gpt-4.1", "one");
    chat("claude-haiku-4-5-20251001", "two");
    JsonObject stats = eventually(() -> json(fixture.get("/api/stats")), s -> s.getLong("total_requests") == 2);

    assertTrue(stats.getJsonObject("model_stats").containsKey("gpt-4.1"));
    assertTrue(stats.getJsonObject("model_stats").containsKey("claude-haiku-4.5"), "mapped name is what counts");
    assertEquals(2, stats.getJsonObject("endpoint_stats").getJsonObject("/v1/chat/completions").getLong("request_count"));
    assertEquals(1L, stats.getJsonObject("counters").getLong("mod.model_name_mapping"));
  }

  @Test
  void listSearchAndDetail() throws InterruptedException {
    String id = chat("gpt-4.1", "find the needle-4711 please").getHeader("x-request-id");
    chat("gpt-4.1", "another");
    JsonObject page = eventually(() -> json(fixture.get("/api/requests?page=1&per_page=1")), p -> p.getLong("total") == 2);
    assertEquals(1, page.getJsonArray("items").size());
    assertEquals(2, page.getLong("total_pages"));
    assertFalse(page.getJsonArray("items").getJsonObject(0).containsKey("request_body"), "summaries only");

    JsonObject found = json(fixture.get("/api/requests/search?q=needle-4711"));
    assertEquals(1, found.getLong("total"));
    assertEquals(id, found.getJsonArray("items").getJsonObject(0).getString("id"));

    JsonObject detail = json(fixture.get("/api/request/" + id));
    assertEquals("gpt-4.1", detail.getString("model"));
    assertTrue(detail.getValue("request_body") instanceof JsonObject, "bodies come back as JSON");
    JsonObject requestBody = json(fixture.get("/api/request/" + id + "/request-body"));
    assertEquals("gpt-4.1", requestBody.getString("model"));
    assertEquals(404, fixture.get("/api/request/no-such-id").statusCode());
  }

  @Test
  void exportThenImportRestoresTheHistory() throws InterruptedException {
    for (int i = 0; i < 5; i++) {
      chat("gpt-4.1", "entry " + i);
    }
    eventually(() -> json(fixture.get("/api/requests")), p -> p.getLong("total") == 5);
    HttpResponse<Buffer> export = fixture.get("/api/requests/export");
    assertEquals(200, export.statusCode());
    assertTrue(export.getHeader("content-disposition").startsWith("attachment; filename=requests_"));
    String lines = export.bodyAsString();
    assertEquals(5, lines.split("\n").length);
    Set<String> ids = new HashSet<>();
    for (String line : lines.split("\n")) {
      ids.add(new JsonObject(line).getString("id"));
    }

    assertEquals(200, Await.result(fixture.web().delete("/api/requests").send()).statusCode());
    assertEquals(0L, json(fixture.get("/api/requests")).getLong("total"));

    String withBadLine = lines + "this is not json\n";
    HttpResponse<Buffer> imported = Await.result(fixture.web().post("/api/requests/import")
        .sendMultipartForm(MultipartForm.create().textFileUpload("file", "requests.jl", Buffer.buffer(withBadLine),
            "application/x-jsonlines")));
    JsonObject report = imported.bodyAsJsonObject();
    assertEquals(5, report.getLong("imported"), report.encode());
    assertEquals(1, report.getLong("total_errors"));
    assertTrue(report.getJsonArray("errors").getString(0).startsWith("Line 6: "), report.encode());

    JsonArray items = json(fixture.get("/api/requests")).getJsonArray("items");
    Set<String> back = new HashSet<>();
    items.forEach(item -> back.add(((JsonObject) item).getString("id")));
    assertEquals(ids, back);
  }

  @Test
  void runtimeConfigIsValidatedWholeAndApplied() {
    JsonObject current = json(fixture.get("/api/runtime-config"));
    assertTrue(current.containsKey("model_mappings"));

    HttpResponse<Buffer> refused = postJson("/api/runtime-config",
        new JsonObject().put("max_connection_retries", 2).put("port", 9999));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.bodyAsJsonObject().getJsonObject("error").getString("message").contains("port"));
    assertEquals(current.getInteger("max_connection_retries"),
        json(fixture.get("/api/runtime-config")).getInteger("max_connection_retries"), "nothing applied");

    JsonObject mappings = new JsonObject().put("exact", new JsonObject().put("my-model", "gpt-4.1")).put("prefix", new JsonObject());
    HttpResponse<Buffer> applied = postJson("/api/runtime-config", new JsonObject().put("model_mappings", mappings));
    assertEquals(200, applied.statusCode(), applied.bodyAsString());
    assertEquals(200, chat("my-model", "mapped at runtime").statusCode());
    assertEquals("gpt-4.1", fixture.simulator.received().last("/chat/completions").orElseThrow().json().getString("model"));
  }

  @Test
  void crossSiteAndRebindingRequestsAreRefused() {
    HttpResponse<Buffer> crossSite = Await.result(fixture.web().post("/api/runtime-config")
        .putHeader("Origin", "http://evil.example").sendJsonObject(new JsonObject()));
    assertEquals(403, crossSite.statusCode());
    HttpResponse<Buffer> sameSite = Await.result(fixture.web().post("/api/runtime-config")
        .putHeader("Origin", "http://127.0.0.1:" + fixture.gateway.port()).sendJsonObject(new JsonObject()));
    assertEquals(200, sameSite.statusCode());
    HttpResponse<Buffer> rebound = Await.result(fixture.web().get("/api/stats").putHeader("Host", "evil.example").send());
    assertEquals(403, rebound.statusCode());
  }

  @Test
  void tokenStatusAndABrowserDeviceLogin() throws InterruptedException {
    JsonObject status = json(fixture.get("/api/config-manager/token-status"));
    assertTrue(status.getBoolean("github_token_configured"));
    assertFalse(status.encode().contains("gho_test_token"), "no token value is shown");

    HttpResponse<Buffer> started = Await.result(fixture.web().post("/api/config-manager/github-device-login").send());
    assertEquals(202, started.statusCode());
    assertEquals("ABCD-1234", started.bodyAsJsonObject().getString("user_code"));
    assertFalse(started.bodyAsString().contains("device_code"));
    JsonObject done = eventually(() -> json(fixture.get("/api/config-manager/token-status")).getJsonObject("device_flow"),
        flow -> "success".equals(flow.getString("status")));
    assertNotNull(done.getString("message"));
    assertEquals("device_flow", json(fixture.get("/api/config-manager/token-status")).getString("github_token_source"));
  }

  @Test
  void tokenUsageByRange() throws InterruptedException {
    chat("gpt-4.1", "usage");
    JsonObject usage = eventually(() -> json(fixture.get("/api/config-manager/token-usage?range=day")),
        u -> !u.getJsonArray("rows").isEmpty());
    assertEquals("day", usage.getString("range"));
    assertTrue(usage.getJsonObject("totals").getLong("total_tokens") > 0);
    assertEquals(400, fixture.get("/api/config-manager/token-usage?range=decade").statusCode());
  }

  @Test
  void theEventFeedTellsTheDashboardAboutNewRequests(Vertx vertx) {
    HttpClient client = vertx.createHttpClient();
    Promise<String> sawHistory = Promise.promise();
    StringBuilder received = new StringBuilder();
    Await.result(client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
            .setPort(fixture.gateway.port()).setURI("/api/events"))
        .compose(request -> request.send())
        .onSuccess(response -> response.handler(chunk -> {
          received.append(chunk.toString());
          if (received.indexOf("event: history") >= 0 && received.indexOf("\"completed\"") >= 0) {
            sawHistory.tryComplete(received.toString());
          }
        })));
    chat("gpt-4.1", "tell the dashboard");
    assertTrue(Await.result(sawHistory.future()).contains("gpt-4.1"));
    Await.result(client.close());
  }

  private HttpResponse<Buffer> chat(String model, String text) {
    return fixture.post("/v1/chat/completions", GatewayFixture.chat(model, text, false));
  }

  private HttpResponse<Buffer> postJson(String path, JsonObject body) {
    return Await.result(fixture.web().post(path).sendJsonObject(body));
  }

  private static JsonObject json(HttpResponse<Buffer> response) {
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  private static <T> T eventually(java.util.function.Supplier<T> read, java.util.function.Predicate<T> done)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    T value = read.get();
    while (!done.test(value) && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
      value = read.get();
    }
    assertTrue(done.test(value), "condition not reached: " + value);
    return value;
  }
}
