package io.ghcapi.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 3-node team server on 127.0.0.1 (distinct Hazelcast and HTTP ports) in one JVM: requests through one
 * node are visible from every node, a node that leaves loses no history, runtime settings reach every node.
 */
class ThreeNodeClusterTest {

  private static final int BASE_PORT = 5900 + (int) (ProcessHandle.current().pid() % 50) * 3;

  @TempDir
  Path dir;
  private Vertx simulatorVertx;
  private CopilotSimulator simulator;
  private final List<Node> nodes = new ArrayList<>();

  private record Node(String id, Vertx vertx, Gateway gateway, WebClient web) {
  }

  @BeforeEach
  void start() throws Exception {
    simulatorVertx = Vertx.vertx();
    simulator = await(CopilotSimulator.start(simulatorVertx, new SimulatorOptions()));
  }

  @AfterEach
  void stop() throws Exception {
    for (Node node : nodes) {
      try {
        node.vertx().close().await(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        // already closed by the test
      }
    }
    await(simulator.close());
    simulatorVertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void everyNodeSeesEveryRequestAndALeavingNodeLosesNothing() throws Exception {
    String cluster = "ghc-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    List<String> members = List.of("127.0.0.1:" + BASE_PORT, "127.0.0.1:" + (BASE_PORT + 1), "127.0.0.1:" + (BASE_PORT + 2));
    long formingStarted = System.nanoTime();
    List<Future<Node>> starting = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      starting.add(node("node-" + (char) ('a' + i), new ClusterSettings(true, cluster, "127.0.0.1", BASE_PORT + i, 0, members)));
    }
    for (Future<Node> node : starting) {
      nodes.add(await(node));
    }
    long formedMillis = (System.nanoTime() - formingStarted) / 1_000_000;
    Node a = nodes.get(0);
    Node b = nodes.get(1);
    Node c = nodes.get(2);

    await(b.gateway().deployPlugins(null, new JsonArray().add(new JsonObject()
        .put("class", CompletedRequestsObserver.class.getName()))));

    chat(a, "warm up node A");
    String viaA = chat(a, "through A").getHeader("x-request-id");
    long answered = System.nanoTime();
    waitFor(c, page -> ids(page).contains(viaA));
    long visibleMillis = (System.nanoTime() - answered) / 1_000_000;
    JsonArray observedOnB = await(b.vertx().eventBus().<JsonArray>request(CompletedRequestsObserver.SEEN, null)).body();
    assertTrue(observedOnB.contains(viaA), "an observer plugin on node B hears the requests node A served");
    String viaB = chat(b, "through B").getHeader("x-request-id");
    waitFor(c, page -> ids(page).contains(viaB));

    await(b.vertx().close());

    for (Node survivor : List.of(a, c)) {
      JsonObject page = waitFor(survivor, p -> ids(p).containsAll(Set.of(viaA, viaB)) && ids(p).size() == 3);
      Set<String> seenNodes = new HashSet<>();
      page.getJsonArray("items").forEach(item -> seenNodes.add(((JsonObject) item).getString("node_id")));
      assertEquals(Set.of("node-a", "node-b"), seenNodes, "entries are tagged with the node that served them");
    }
    JsonObject stats = get(c, "/api/stats");
    assertEquals(3L, stats.getLong("total_requests"), "each request counted once on every node");
    assertTrue(stats.getJsonObject("node_stats").containsKey("node-b"));

    HttpResponse<Buffer> changed = await(a.web().post("/api/runtime-config")
        .sendJsonObject(new JsonObject().put("max_connection_retries", 1)));
    assertEquals(200, changed.statusCode(), changed.bodyAsString());
    waitForConfig(c, config -> config.getInteger("max_connection_retries") == 1);

    System.out.printf("cluster formed in %d ms; a record on node A visible on node C %d ms after A answered%n", formedMillis,
        visibleMillis);
  }

  private Future<Node> node(String id, ClusterSettings settings) {
    return ClusteredVertx.start(settings).compose(vertx -> {
      JsonObject cacheConfig = new JsonObject().put("node_id", id).put("persist", true)
          .put("history_dir", dir.resolve(id).resolve("history").toString())
          .put("requests_dir", dir.resolve(id).resolve("requests").toString());
      GatewayConfig config = GatewayConfig.from(new JsonObject().put("port", 0).put("node_id", id)
          .put("copilot_api_base_url", simulator.baseUrl()).put("github_api_base_url", simulator.baseUrl()));
      return vertx.deployVerticle(new CacheVerticle(), new DeploymentOptions().setConfig(cacheConfig))
          .compose(deployed -> Gateway.start(vertx, config, GithubCredentials.of("gho_cluster", GithubCredentials.Source.CONFIGURED)))
          .map(gateway -> new Node(id, vertx, gateway, WebClient.create(vertx,
              new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(gateway.port()))));
    });
  }

  private HttpResponse<Buffer> chat(Node node, String text) throws Exception {
    JsonObject body = new JsonObject().put("model", "gpt-4.1")
        .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", text)));
    HttpResponse<Buffer> response = await(node.web().post("/v1/chat/completions").sendJsonObject(body));
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response;
  }

  private JsonObject get(Node node, String path) throws Exception {
    HttpResponse<Buffer> response = await(node.web().get(path).send());
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  private JsonObject waitFor(Node node, Predicate<JsonObject> done) throws Exception {
    long deadline = System.currentTimeMillis() + 20_000;
    JsonObject page = get(node, "/api/requests?per_page=50");
    while (!done.test(page) && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
      page = get(node, "/api/requests?per_page=50");
    }
    assertTrue(done.test(page), node.id() + " never showed it: " + page.encode());
    return page;
  }

  private void waitForConfig(Node node, Predicate<JsonObject> done) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    JsonObject config = get(node, "/api/runtime-config");
    while (!done.test(config) && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
      config = get(node, "/api/runtime-config");
    }
    assertTrue(done.test(config), "the change never reached " + node.id());
  }

  private static Set<String> ids(JsonObject page) {
    Set<String> ids = new HashSet<>();
    page.getJsonArray("items").forEach(item -> ids.add(((JsonObject) item).getString("id")));
    return ids;
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.await(60, TimeUnit.SECONDS);
  }
}
