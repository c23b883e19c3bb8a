package io.ghcapi.acp;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The whole path an agent session takes, in one process on loopback: a Copilot simulator, the request history,
 * the gateway (which relays {@code /api/agent/*}), and the agents verticle with fake agents configured:
 * {@code fake} (routed to the gateway by environment), {@code fake-auth} (needs {@code authenticate}),
 * {@code fake-gateway} (offers the gateway sign-in), {@code fake-noload} (no {@code session/load}),
 * {@code fake-config} (a model config option), {@code fake-broken} (exits at once), {@code fake-silent} (never
 * answers {@code initialize}) and {@code missing} (not installed).
 */
public final class AcpFixture implements AutoCloseable {

  public final Vertx vertx;
  public final CopilotSimulator simulator;
  public final Path stateDir;
  private final Gateway gateway;
  private final JsonObject acpConfig;
  private final WebClient web;
  private final HttpClient http;
  private String acpDeployment;
  private AcpVerticle acp;

  private AcpFixture(Vertx vertx, CopilotSimulator simulator, Gateway gateway, JsonObject acpConfig, Path stateDir) {
    this.vertx = vertx;
    this.simulator = simulator;
    this.gateway = gateway;
    this.acpConfig = acpConfig;
    this.stateDir = stateDir;
    this.web = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(gateway.port()));
    this.http = vertx.createHttpClient();
  }

  public static Builder builder(Path stateDir) {
    return new Builder(stateDir);
  }

  /** Builds a fixture. */
  public static final class Builder {
    private final Path stateDir;
    private final JsonObject gatewayConfig = new JsonObject();
    private final JsonObject acpConfig = new JsonObject();
    private final JsonObject agents = new JsonObject();

    private Builder(Path stateDir) {
      this.stateDir = stateDir;
      agents.put("fake", FakeAgentCommand.entry(Map.of()).put("gateway", "anthropic"))
          .put("fake-auth", FakeAgentCommand.entry(Map.of("FAKE_REQUIRE_AUTH", "1")))
          .put("fake-gateway", FakeAgentCommand.entry(Map.of("FAKE_GATEWAY_AUTH", "1")))
          .put("fake-noload", FakeAgentCommand.entry(Map.of("FAKE_LOAD_SESSION", "0")))
          .put("fake-config", FakeAgentCommand.entry(Map.of("FAKE_CONFIG_OPTIONS", "1")))
          .put("fake-broken", FakeAgentCommand.entry(Map.of("FAKE_EXIT_ON_START", "1")))
          .put("fake-silent", FakeAgentCommand.entry(Map.of("FAKE_SILENT_INIT", "1")))
          .put("missing", new JsonObject().put("command", "no-such-agent-program-xyz")
              .put("npm_package", "@example/missing-agent").put("name", "Missing agent"));
    }

    public Builder gateway(String key, Object value) {
      gatewayConfig.put(key, value);
      return this;
    }

    public Builder acp(String key, Object value) {
      acpConfig.put(key, value);
      return this;
    }

    public Builder agent(String kind, JsonObject entry) {
      agents.put(kind, entry);
      return this;
    }

    public AcpFixture start() {
      Vertx vertx = Vertx.vertx();
      CopilotSimulator simulator = Await.result(CopilotSimulator.start(vertx, new SimulatorOptions()));
      Await.result(vertx.deployVerticle(new CacheVerticle(), new DeploymentOptions().setConfig(new JsonObject()
          .put("node_id", "test-node").put("persist", false))));
      JsonObject effective = new JsonObject().put("port", 0).put("node_id", "test-node")
          .put("copilot_api_base_url", simulator.baseUrl()).put("github_api_base_url", simulator.baseUrl())
          .put("connection_retry_backoff", 0.01).mergeIn(gatewayConfig);
      Gateway gateway = Await.result(Gateway.start(vertx, GatewayConfig.from(effective),
          GithubCredentials.of("gho_test_token", GithubCredentials.Source.CONFIGURED)));
      Await.result(gateway.warmUp());
      JsonObject config = new JsonObject().put("node_id", "test-node").put("acp_state_dir", stateDir.toString())
          .put("acp_gateway_base_url", "http://127.0.0.1:" + gateway.port()).put("acp_max_sessions", 30)
          .put("acp_agents", agents).mergeIn(acpConfig);
      AcpFixture fixture = new AcpFixture(vertx, simulator, gateway, config, stateDir);
      fixture.deployAcp();
      return fixture;
    }
  }

  private void deployAcp() {
    acp = new AcpVerticle();
    acpDeployment = Await.result(vertx.deployVerticle(acp, new DeploymentOptions().setConfig(acpConfig)));
  }

  /** Undeploys the agents verticle (ending every agent process) and deploys it again, as a restart would. */
  public void restartAcp() {
    Await.result(vertx.undeploy(acpDeployment));
    deployAcp();
  }

  public void undeployAcp() {
    Await.result(vertx.undeploy(acpDeployment));
    acpDeployment = null;
  }

  public AcpVerticle acp() {
    return acp;
  }

  public int port() {
    return gateway.port();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + gateway.port();
  }

  public WebClient web() {
    return web;
  }

  public HttpResponse<Buffer> get(String path) {
    return Await.result(web.get(path).send());
  }

  public HttpResponse<Buffer> post(String path, JsonObject body) {
    return Await.result(web.post(path).sendJsonObject(body));
  }

  public HttpResponse<Buffer> delete(String path) {
    return Await.result(web.delete(path).send());
  }

  /** Creates a session of a kind in a folder; asserts 201. */
  public JsonObject createSession(String kind, Path folder) {
    return createSession(new JsonObject().put("agent_kind", kind).put("working_directory", folder.toString()));
  }

  public JsonObject createSession(JsonObject body) {
    HttpResponse<Buffer> response = post("/api/agent/sessions", body);
    assertEquals(201, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  /** Sends a prompt and opens its event stream. */
  public SseStream prompt(String sessionId, String text) {
    return stream(HttpMethod.POST, "/api/agent/sessions/" + sessionId + "/prompt",
        new JsonObject().put("text", text));
  }

  /** Opens a streaming route; a refused call gives a stream with its status and error body. */
  public SseStream stream(HttpMethod method, String path, JsonObject body) {
    HttpClientRequest request = Await.result(http.request(new RequestOptions().setMethod(method)
        .setHost("127.0.0.1").setPort(gateway.port()).setURI(path)));
    request.putHeader("content-type", "application/json");
    // The stream's handlers are set on the event loop as the response arrives, before any of its data.
    Future<SseStream> opened = (body == null ? request.send() : request.send(body.toBuffer())).compose(response -> {
      if (response.statusCode() != 200) {
        return response.body().map(error -> SseStream.error(response.statusCode(), error.toString()));
      }
      return Future.succeededFuture(SseStream.open(request, response));
    });
    return Await.result(opened);
  }

  /** Every request the history recorded: the summaries, newest first. */
  public JsonArray history() {
    JsonObject page = Await.result(vertx.eventBus().<JsonObject>request(io.ghcapi.bus.Addresses.HISTORY_LIST,
        new JsonObject().put("per_page", 100))).body();
    return page.getJsonArray("items");
  }

  /** A folder under the test's temporary folder. */
  public static Path folder(Path parent, String name) {
    try {
      return Files.createDirectories(parent.resolve(name));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    web.close();
    try {
      if (acpDeployment != null) {
        Await.result(vertx.undeploy(acpDeployment));
      }
      Await.result(gateway.close());
      Await.result(simulator.close());
    } finally {
      Await.result(vertx.close());
    }
  }
}
