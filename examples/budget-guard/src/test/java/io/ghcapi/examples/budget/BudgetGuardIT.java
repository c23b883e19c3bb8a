package io.ghcapi.examples.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.cache.CacheVerticle;
import io.ghcapi.gateway.Gateway;
import io.ghcapi.gateway.auth.GithubCredentials;
import io.ghcapi.gateway.config.GatewayConfig;
import io.ghcapi.simulator.CopilotSimulator;
import io.ghcapi.simulator.SimulatorOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged plugin jar, dropped into a plugins folder and loaded by the gateway as a user would, guarding
 * the budgets of two API-key users.
 */
@ExtendWith(VertxExtension.class)
class BudgetGuardIT {

  private static final String ALICE = "sk-alice-0000000001";
  private static final String BOB = "sk-bob-00000000000002";

  private Vertx vertx;
  private CopilotSimulator simulator;
  private Gateway gateway;
  private WebClient web;

  @BeforeEach
  void start(Vertx vertx, @TempDir Path plugins) throws Exception {
    this.vertx = vertx;
    Files.copy(Path.of(System.getProperty("plugin.jar")), plugins.resolve("budget-guard.jar"));
    assertThrows(ClassNotFoundException.class, () -> Class.forName("io.ghcapi.examples.budget.BudgetGuard"),
        "the plugin must come from its jar, not from the test class path");

    simulator = await(CopilotSimulator.start(vertx, new SimulatorOptions()));
    await(vertx.deployVerticle(new CacheVerticle(), new DeploymentOptions()
        .setConfig(new JsonObject().put("node_id", "it").put("persist", false))));
    JsonObject config = new JsonObject().put("port", 0).put("copilot_api_base_url", simulator.baseUrl())
        .put("github_api_base_url", simulator.baseUrl())
        .put("api_keys", new JsonArray().add(new JsonObject().put("name", "alice").put("key", ALICE))
            .add(new JsonObject().put("name", "bob").put("key", BOB)));
    gateway = await(Gateway.start(vertx, GatewayConfig.from(config),
        GithubCredentials.of("gho_test", GithubCredentials.Source.CONFIGURED)));
    await(gateway.deployPlugins(plugins, new JsonArray().add(new JsonObject()
        .put("class", "io.ghcapi.examples.budget.BudgetGuard")
        .put("config", new JsonObject().put("daily_token_budget", 1).put("refresh_ms", 0)
            .put("user_budgets", new JsonObject().put("bob", 0))))));
    web = WebClient.create(vertx);
  }

  @AfterEach
  void stop() {
    web.close();
    await(gateway.close());
    await(simulator.close());
  }

  @Test
  void theJarIsLoadedAndListed() {
    JsonObject listing = await(web.get(gateway.port(), "127.0.0.1", "/api/plugins").send()).bodyAsJsonObject();
    JsonObject plugin = listing.getJsonArray("plugins").getJsonObject(0);
    assertEquals("deployed", plugin.getString("status"), listing.encodePrettily());
    assertTrue(plugin.getString("source").endsWith("budget-guard.jar"));
    assertEquals("budget-guard", listing.getJsonArray("interceptors").getJsonObject(0).getString("name"));
  }

  @Test
  void aUserOverBudgetIsDeniedInBothApiShapesAndAnUnlimitedUserIsNot() throws InterruptedException {
    assertEquals(200, chat(ALICE).statusCode(), "no usage yet: allowed");
    awaitUsageRecorded("alice");

    HttpResponse<Buffer> openAi = chat(ALICE);
    assertEquals(429, openAi.statusCode());
    JsonObject error = openAi.bodyAsJsonObject().getJsonObject("error");
    assertEquals("rate_limit_error", error.getString("type"));
    assertTrue(error.getString("message").contains("Daily token budget of 1 tokens for user 'alice' is used up"),
        error.getString("message"));

    HttpResponse<Buffer> anthropic = messages(ALICE);
    assertEquals(429, anthropic.statusCode());
    assertEquals("error", anthropic.bodyAsJsonObject().getString("type"));
    assertEquals("rate_limit_error", anthropic.bodyAsJsonObject().getJsonObject("error").getString("type"));

    assertEquals(200, chat(BOB).statusCode());
    awaitUsageRecorded("bob");
    assertEquals(200, chat(BOB).statusCode(), "bob's budget is 0: unlimited");
  }

  private void awaitUsageRecorded(String user) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      JsonObject usage = await(vertx.eventBus().<JsonObject>request("ghc.usage.get",
          new JsonObject().put("range", "day").put("user", user))).body();
      if (usage.getJsonObject("totals").getLong("total_tokens", 0L) > 0) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("usage of " + user + " never recorded");
  }

  private HttpResponse<Buffer> chat(String key) {
    return await(web.post(gateway.port(), "127.0.0.1", "/v1/chat/completions").bearerTokenAuthentication(key)
        .sendJsonObject(new JsonObject().put("model", "gpt-4.1").put("messages", new JsonArray()
            .add(new JsonObject().put("role", "user").put("content", "hello")))));
  }

  private HttpResponse<Buffer> messages(String key) {
    return await(web.post(gateway.port(), "127.0.0.1", "/v1/messages").putHeader("x-api-key", key)
        .sendJsonObject(new JsonObject().put("model", "claude-sonnet-4").put("max_tokens", 20).put("messages",
            new JsonArray().add(new JsonObject().put("role", "user").put("content", "hello")))));
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(20, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no result within 20 s", e);
    }
  }
}
