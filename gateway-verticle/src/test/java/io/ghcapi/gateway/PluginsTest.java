package io.ghcapi.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.gateway.plugins.TestPlugins;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Plugins deployed by the gateway's plugin host and request interceptors on the hot path. */
@ExtendWith(VertxExtension.class)
class PluginsTest {

  private GatewayFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private void startWith(Vertx vertx, JsonObject... plugins) {
    fixture = GatewayFixture.with(vertx).withHistory().start();
    Await.result(fixture.gateway.deployPlugins(null, new JsonArray(java.util.List.of((Object[]) plugins))));
  }

  private static JsonObject plugin(Class<?> type, JsonObject config) {
    return new JsonObject().put("class", type.getName()).put("config", config);
  }

  private HttpResponse<Buffer> chat(String model) {
    return fixture.post("/v1/chat/completions", GatewayFixture.chat(model, "hello", false));
  }

  private HttpResponse<Buffer> messages(String model) {
    return fixture.post("/v1/messages", new JsonObject().put("model", model).put("max_tokens", 50)
        .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", "hello"))).encode());
  }

  @Test
  void anInterceptorThatChangesTheModelIsHonouredAndTheHistoryKeepsWhatTheClientSent(Vertx vertx) throws Exception {
    startWith(vertx, plugin(TestPlugins.ModelRewriter.class, new JsonObject().put("to", "gpt-4.1")));

    HttpResponse<Buffer> response = chat("gpt-4o");

    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals("gpt-4.1", response.bodyAsJsonObject().getString("model"));
    String id = response.getHeader("x-request-id");
    JsonObject entry = eventually(() -> fixture.get("/api/request/" + id)).bodyAsJsonObject();
    assertEquals("gpt-4o", entry.getJsonObject("original_request_body").getString("model"));
    assertEquals("gpt-4.1", entry.getJsonObject("request_body").getString("model"));
  }

  @Test
  void aDenialReachesEachClientInItsOwnErrorShape(Vertx vertx) {
    startWith(vertx, plugin(TestPlugins.Denier.class, new JsonObject().put("status", 429)
        .put("message", "Daily token budget of 1000 used up")));

    HttpResponse<Buffer> openAi = chat("gpt-4.1");
    assertEquals(429, openAi.statusCode());
    JsonObject error = openAi.bodyAsJsonObject().getJsonObject("error");
    assertEquals("rate_limit_error", error.getString("type"));
    assertTrue(error.getString("message").startsWith("Daily token budget of 1000 used up"), error.encode());

    HttpResponse<Buffer> anthropic = messages("claude-sonnet-4");
    assertEquals(429, anthropic.statusCode());
    assertEquals("error", anthropic.bodyAsJsonObject().getString("type"));
    assertEquals("rate_limit_error", anthropic.bodyAsJsonObject().getJsonObject("error").getString("type"));
    assertEquals(0, fixture.simulator.stats().requests("/chat/completions") + fixture.simulator.stats().requests("/v1/messages"),
        "Copilot is never called for a denied request");
  }

  @Test
  void slowAndFailingInterceptorsAreSkippedWithinTheDeadline(Vertx vertx) {
    startWith(vertx,
        plugin(TestPlugins.Sleeper.class, new JsonObject().put("delay_ms", 2_000).put("order", 1)),
        plugin(TestPlugins.Thrower.class, new JsonObject().put("order", 2)),
        plugin(TestPlugins.Thrower.class, new JsonObject().put("name", "nonsense").put("nonsense", true).put("order", 3)));

    long started = System.nanoTime();
    HttpResponse<Buffer> response = chat("gpt-4.1");
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertTrue(millis < 1_000, "the 2 s sleeper cost only its 50 ms deadline, took " + millis + " ms");
    JsonArray interceptors = fixture.get("/api/plugins").bodyAsJsonObject().getJsonArray("interceptors");
    assertEquals(3, interceptors.size());
    assertEquals(1L, stats(interceptors, "sleeper").getLong("timeouts"));
    assertEquals(1L, stats(interceptors, "thrower").getLong("failures"));
    assertEquals(1L, stats(interceptors, "nonsense").getLong("failures"));
  }

  @Test
  void aPluginThatFailsToDeployIsReportedAndTheGatewayServesOn(Vertx vertx) {
    startWith(vertx,
        new JsonObject().put("class", "com.example.NoSuchPlugin"),
        plugin(TestPlugins.BrokenAtStart.class, new JsonObject()),
        plugin(TestPlugins.BrokenConstructor.class, new JsonObject()),
        plugin(TestPlugins.AllowAll.class, new JsonObject()),
        new JsonObject().put("class", 42));

    assertEquals(200, chat("gpt-4.1").statusCode());
    JsonObject listing = fixture.get("/api/plugins").bodyAsJsonObject();
    JsonArray plugins = listing.getJsonArray("plugins");
    assertEquals(5, plugins.size(), plugins.encodePrettily());
    assertEquals("failed", byName(plugins, "NoSuchPlugin").getString("status"));
    assertTrue(byName(plugins, "BrokenAtStart").getString("error").contains("missing webhook_url"));
    assertTrue(byName(plugins, "BrokenConstructor").getString("error").contains("cannot be built"));
    assertEquals("deployed", byName(plugins, "AllowAll").getString("status"));
    assertTrue(plugins.stream().map(JsonObject.class::cast)
        .anyMatch(p -> p.getString("error", "").startsWith("plugins[4]")), "a malformed entry is reported");
    assertEquals(1L, stats(listing.getJsonArray("interceptors"), "allow-all").getLong("allowed"));
  }

  @Test
  void withNoInterceptorTheHotPathMakesNoBusCallAndWithOneItMakesOneEach(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).start();
    AtomicInteger pluginCalls = new AtomicInteger();
    vertx.eventBus().addOutboundInterceptor((DeliveryContext<Object> delivery) -> {
      if (delivery.message().address().startsWith("ghc.plugin.request.intercept.")) {
        pluginCalls.incrementAndGet();
      }
      delivery.next();
    });
    for (int i = 0; i < 5; i++) {
      assertEquals(200, chat("gpt-4.1").statusCode());
    }
    assertEquals(0, pluginCalls.get());

    Await.result(fixture.gateway.deployPlugins(null,
        new JsonArray().add(plugin(TestPlugins.AllowAll.class, new JsonObject()))));
    for (int i = 0; i < 5; i++) {
      assertEquals(200, chat("gpt-4.1").statusCode());
    }
    assertEquals(5, pluginCalls.get());
  }

  @Test
  void anInterceptorSeesOnlyTheEndpointsItAskedFor(Vertx vertx) {
    startWith(vertx, plugin(TestPlugins.Denier.class, new JsonObject()
        .put("endpoints", new JsonArray().add("/v1/messages"))));
    assertEquals(200, chat("gpt-4.1").statusCode());
    assertEquals(429, messages("claude-sonnet-4").statusCode());
  }

  /** The history records asynchronously: the entry shows up shortly after the answer. */
  private static HttpResponse<Buffer> eventually(java.util.function.Supplier<HttpResponse<Buffer>> read)
      throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      HttpResponse<Buffer> response = read.get();
      if (response.statusCode() == 200) {
        return response;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("not recorded within 5 s");
  }

  private static JsonObject stats(JsonArray interceptors, String name) {
    return byName(interceptors, name).getJsonObject("stats");
  }

  private static JsonObject byName(JsonArray list, String name) {
    return list.stream().map(JsonObject.class::cast).filter(o -> name.equals(o.getString("name"))).findFirst()
        .orElseThrow(() -> new AssertionError(name + " not in " + list.encodePrettily()));
  }
}
