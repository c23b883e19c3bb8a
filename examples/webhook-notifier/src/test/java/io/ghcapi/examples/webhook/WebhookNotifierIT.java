package io.ghcapi.examples.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.gateway.Gateway;
import io.ghcapi.gateway.auth.GithubCredentials;
import io.ghcapi.gateway.config.GatewayConfig;
import io.ghcapi.simulator.CopilotSimulator;
import io.ghcapi.simulator.Fault;
import io.ghcapi.simulator.FaultKind;
import io.ghcapi.simulator.SimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The packaged notifier jar loaded from a plugins folder, posting failures to a webhook stood up by the test. */
@ExtendWith(VertxExtension.class)
class WebhookNotifierIT {

  private Vertx vertx;
  private Path plugins;
  private CopilotSimulator simulator;
  private Gateway gateway;
  private WebClient web;
  private HttpServer hook;
  private final List<JsonObject> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger hookCalls = new AtomicInteger();
  private volatile int failFirst;
  private volatile long answerDelayMillis;

  @BeforeEach
  void start(Vertx vertx, @TempDir Path plugins) throws Exception {
    this.vertx = vertx;
    this.plugins = plugins;
    Files.copy(Path.of(System.getProperty("plugin.jar")), plugins.resolve("webhook-notifier.jar"));
    assertThrows(ClassNotFoundException.class, () -> Class.forName("io.ghcapi.examples.webhook.WebhookNotifier"));
    hook = await(vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      int call = hookCalls.incrementAndGet();
      vertx.setTimer(Math.max(1, answerDelayMillis), id -> {
        if (call <= failFirst) {
          request.response().setStatusCode(503).end();
        } else {
          received.add(body.toJsonObject());
          request.response().setStatusCode(204).end();
        }
      });
    })).listen(0, "127.0.0.1"));
    simulator = await(CopilotSimulator.start(vertx, new SimulatorOptions()));
    JsonObject config = new JsonObject().put("port", 0).put("copilot_api_base_url", simulator.baseUrl())
        .put("github_api_base_url", simulator.baseUrl()).put("max_connection_retries", 0);
    gateway = await(Gateway.start(vertx, GatewayConfig.from(config),
        GithubCredentials.of("gho_test", GithubCredentials.Source.CONFIGURED)));
    await(gateway.warmUp());
    web = WebClient.create(vertx);
  }

  private void deployNotifier(JsonObject config) {
    await(gateway.deployPlugins(plugins, new JsonArray().add(new JsonObject()
        .put("class", "io.ghcapi.examples.webhook.WebhookNotifier")
        .put("config", config.put("url", "http://127.0.0.1:" + hook.actualPort() + "/hook")))));
  }

  @AfterEach
  void stop() {
    web.close();
    await(gateway.close());
    await(simulator.close());
    await(hook.close());
  }

  @Test
  void aFailedRequestIsPostedAfterTheWebhookRecoversAndSuccessesAreNot() throws InterruptedException {
    failFirst = 2;
    deployNotifier(new JsonObject().put("backoff_ms", 20));

    assertEquals(200, chat().statusCode());
    simulator.faults().inject(chatFails(1));
    assertEquals(500, chat().statusCode());

    JsonObject stats = eventually(s -> s.getLong("delivered") == 1);
    assertEquals(2L, stats.getLong("retried"));
    assertEquals(1, received.size(), "the success was not posted");
    JsonObject notice = received.get(0);
    assertEquals("request_failed", notice.getString("event"));
    assertEquals(500, notice.getInteger("status"));
    assertEquals("/v1/chat/completions", notice.getString("endpoint"));
    assertTrue(notice.getString("text").contains("failed with HTTP 500"), notice.encode());
  }

  @Test
  void aFullQueueDropsAndCountsAndADeadWebhookIsGivenUp() throws InterruptedException {
    failFirst = Integer.MAX_VALUE;
    answerDelayMillis = 200;
    deployNotifier(new JsonObject().put("queue_size", 1).put("max_attempts", 2).put("backoff_ms", 10));

    simulator.faults().inject(chatFails(4));
    for (int i = 0; i < 4; i++) {
      assertEquals(500, chat().statusCode());
    }

    JsonObject stats = eventually(s -> s.getLong("gave_up") + s.getLong("dropped_queue_full") == 4
        && s.getLong("queued") == 0);
    assertTrue(stats.getLong("dropped_queue_full") >= 1, stats.encode());
    assertTrue(stats.getLong("gave_up") >= 1, stats.encode());
    assertEquals(0, received.size());
    assertEquals(200, chat().statusCode(), "the gateway is unaffected");
  }

  private static Fault chatFails(int times) {
    return new Fault(FaultKind.SERVER_ERROR, "/chat/completions", times, 0, 0, 0);
  }

  private io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> chat() {
    return await(web.post(gateway.port(), "127.0.0.1", "/v1/chat/completions")
        .sendJsonObject(new JsonObject().put("model", "gpt-4.1").put("messages", new JsonArray()
            .add(new JsonObject().put("role", "user").put("content", "hello")))));
  }

  private JsonObject eventually(Predicate<JsonObject> done) throws InterruptedException {
    JsonObject stats = null;
    for (int i = 0; i < 200; i++) {
      stats = await(vertx.eventBus().<JsonObject>request("ghc.plugin.webhook-notifier.stats", new JsonObject())).body();
      if (done.test(stats)) {
        return stats;
      }
      Thread.sleep(25);
    }
    throw new AssertionError("not reached: " + stats);
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(20, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no result within 20 s", e);
    }
  }
}
