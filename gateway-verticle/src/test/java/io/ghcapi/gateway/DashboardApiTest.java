package io.ghcapi.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the dashboard pages need from the admin API beyond the seed's shapes. */
@ExtendWith(VertxExtension.class)
class DashboardApiTest {

  private GatewayFixture fixture;

  @BeforeEach
  void start(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).withHistory().start();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void fullTextSearchTakesTheListingsFilters() throws InterruptedException {
    String needle = "needle-" + UUID.randomUUID();
    String gpt = chat("gpt-4.1", "find " + needle).getHeader("x-request-id");
    String claude = chat("claude-haiku-4-5-20251001", "find " + needle).getHeader("x-request-id");
    chat("gpt-4.1", "something else");
    eventually(() -> json("/api/requests"), page -> page.getLong("total") == 3);

    assertEquals(List.of(claude, gpt), ids(json("/api/requests/search?q=" + needle)));
    assertEquals(List.of(claude), ids(json("/api/requests/search?q=" + needle + "&model=claude-haiku-4.5")),
        "the model filter matches the mapped model");
    assertEquals(List.of(gpt), ids(json("/api/requests/search?q=" + needle + "&model=gpt-4.1&status=2xx&node=test-node")));
    assertEquals(List.of(), ids(json("/api/requests/search?q=" + needle + "&status=5xx")));
    assertEquals(List.of(), ids(json("/api/requests/search?q=" + needle + "&endpoint=/v1/messages")));
    long now = System.currentTimeMillis() / 1000;
    assertEquals(2, json("/api/requests/search?q=" + needle + "&since=" + (now - 600)).getLong("total"));
    assertEquals(0, json("/api/requests/search?q=" + needle + "&until=" + (now - 600)).getLong("total"));
    assertEquals(400, fixture.get("/api/requests/search?q=" + needle + "&status=teapot").statusCode(),
        "a bad filter is refused as in the listing");
  }

  @Test
  void usageHasASeriesOfRequestsAndTokensForTheCharts() throws InterruptedException {
    chat("gpt-4.1", "one");
    chat("gpt-4.1", "two");
    JsonObject usage = eventually(() -> json("/api/config-manager/token-usage?range=day"),
        u -> u.getJsonObject("totals").getLong("request_count") == 2);
    JsonObject series = usage.getJsonObject("timeseries");
    JsonObject totals = series.getJsonObject("totals");
    int points = series.getJsonArray("times").size();
    assertEquals(points, totals.getJsonArray("request_count").size());
    assertEquals(2, sum(totals.getJsonArray("request_count")));
    assertEquals(usage.getJsonObject("totals").getLong("input_tokens"), sum(totals.getJsonArray("input_tokens")));
    assertEquals(usage.getJsonObject("totals").getLong("output_tokens"), sum(totals.getJsonArray("output_tokens")));
  }

  @Test
  void endpointStatisticsCountTokensToo() throws InterruptedException {
    chat("gpt-4.1", "tokens per endpoint");
    JsonObject stats = eventually(() -> json("/api/stats"), s -> s.getLong("total_requests") == 1);
    JsonObject endpoint = stats.getJsonObject("endpoint_stats").getJsonObject("/v1/chat/completions");
    assertEquals(1, endpoint.getLong("request_count"));
    assertTrue(endpoint.getLong("input_tokens") > 0 && endpoint.getLong("output_tokens") > 0, endpoint.encode());
    assertEquals(stats.getJsonObject("tokens").getLong("input"), endpoint.getLong("input_tokens"));
  }

  private HttpResponse<Buffer> chat(String model, String text) {
    HttpResponse<Buffer> response = fixture.post("/v1/chat/completions", GatewayFixture.chat(model, text, false));
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response;
  }

  private JsonObject json(String path) {
    HttpResponse<Buffer> response = fixture.get(path);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  private static List<String> ids(JsonObject page) {
    return page.getJsonArray("items").stream().map(item -> ((JsonObject) item).getString("id"))
        .collect(Collectors.toList());
  }

  private static long sum(JsonArray values) {
    return values.stream().mapToLong(value -> ((Number) value).longValue()).sum();
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
