package io.ghcapi.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class RecordingTest {

  private SimulatorHarness sim;

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void recordsWhatTheGatewaySent(Vertx vertx) {
    sim = SimulatorHarness.start(vertx);
    long before = System.currentTimeMillis();
    sim.copilot(HttpMethod.POST, "/v1/messages?beta=true")
        .putHeader("anthropic-version", "2023-06-01")
        .putHeader("X-Initiator", "agent")
        .sendJsonObject(new JsonObject().put("model", "claude-sonnet-4").put("max_tokens", 5)
            .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", "recorded"))))
        .await();
    sim.client.get("/_sim/health").send().await();

    RecordedRequest messages = sim.simulator.received().last("/v1/messages").orElseThrow();
    assertEquals("POST", messages.method());
    assertEquals("beta=true", messages.query());
    assertEquals("agent", messages.headers().get("x-initiator"));
    assertEquals(SimulatorHarness.EDITOR_VERSION, messages.headers().get("editor-version"));
    assertEquals("recorded", messages.json().getJsonArray("messages").getJsonObject(0).getString("content"));
    assertTrue(messages.receivedAtMillis() >= before);

    List<RecordedRequest> all = sim.simulator.received().all();
    assertEquals(List.of("/copilot_internal/v2/token", "/v1/messages"), all.stream().map(RecordedRequest::path).toList(),
        "oldest first, control requests left out");
    assertEquals(1, sim.simulator.received().count("/v1/messages"));
    assertEquals(1, sim.simulator.received().forPath("/copilot_internal/v2/token").size());

    JsonObject listed = sim.client.get("/_sim/requests?path=/v1/messages").send().await().bodyAsJsonObject();
    assertEquals(1, listed.getInteger("count"));
    assertEquals("agent", listed.getJsonArray("requests").getJsonObject(0).getJsonObject("headers").getString("x-initiator"));

    sim.simulator.received().clear();
    assertTrue(sim.simulator.received().all().isEmpty());
  }

  @Test
  void keepsOnlyTheNewestRequestsUpToTheLimit(Vertx vertx) {
    sim = SimulatorHarness.start(vertx, new SimulatorOptions().setRecordLimit(3));
    for (int i = 0; i < 5; i++) {
      sim.post("/chat/completions", ChatCompletionsTest.request("gpt-4.1", ChatCompletionsTest.message("user", "n" + i)));
    }

    List<RecordedRequest> all = sim.simulator.received().all();
    assertEquals(3, all.size());
    assertEquals("n4", all.get(2).json().getJsonArray("messages").getJsonObject(0).getString("content"));
    assertEquals("n2", all.get(0).json().getJsonArray("messages").getJsonObject(0).getString("content"));
    assertEquals(204, sim.client.delete("/_sim/requests").send().await().statusCode());
    assertEquals(0, sim.simulator.received().all().size());
  }

  @Test
  void recordingCanBeTurnedOffWhileStatsKeepCounting(Vertx vertx) {
    sim = SimulatorHarness.start(vertx, new SimulatorOptions().setRecordRequests(false));
    sim.post("/chat/completions", DataPlaneAccessTest.chat("gpt-4.1"));

    assertTrue(sim.simulator.received().all().isEmpty());
    assertEquals(1, sim.simulator.stats().requests("/chat/completions"));
    assertEquals(1, sim.simulator.stats().tokenExchanges());
    JsonObject stats = sim.client.get("/_sim/stats").send().await().bodyAsJsonObject();
    assertEquals(1, stats.getJsonObject("requests").getInteger("/chat/completions"));
    assertEquals(204, sim.client.delete("/_sim/stats").send().await().statusCode());
    assertEquals(0, sim.simulator.stats().requests("/chat/completions"));
    assertEquals(new JsonObject().put("status", "ok"), sim.client.get("/_sim/health").send().await().bodyAsJsonObject());
  }
}
