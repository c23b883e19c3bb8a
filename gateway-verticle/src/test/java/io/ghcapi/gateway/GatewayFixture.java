package io.ghcapi.gateway;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import io.ghcapi.gateway.auth.GithubCredentials;
import io.ghcapi.gateway.config.GatewayConfig;
import io.ghcapi.simulator.CopilotSimulator;
import io.ghcapi.simulator.SimulatorOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.function.Consumer;

/**
 * A gateway in front of a Copilot simulator, both on random loopback ports, for one test. Test methods run
 * on the JUnit thread, so they may block on futures with {@code await}.
 */
final class GatewayFixture {

  final Vertx vertx;
  final CopilotSimulator simulator;
  final Gateway gateway;
  final MutableClock clock;
  private WebClient web;

  private GatewayFixture(Vertx vertx, CopilotSimulator simulator, Gateway gateway, MutableClock clock) {
    this.vertx = vertx;
    this.simulator = simulator;
    this.gateway = gateway;
    this.clock = clock;
  }

  static Builder with(Vertx vertx) {
    return new Builder(vertx);
  }

  static final class Builder {
    private final Vertx vertx;
    private final SimulatorOptions simulatorOptions = new SimulatorOptions();
    private final JsonObject config = new JsonObject();
    private GithubCredentials github = GithubCredentials.of("gho_test_token", GithubCredentials.Source.CONFIGURED);
    private boolean warmUp = true;
    private boolean history;

    private Builder(Vertx vertx) {
      this.vertx = vertx;
    }

    Builder simulator(Consumer<SimulatorOptions> change) {
      change.accept(simulatorOptions);
      return this;
    }

    Builder config(String key, Object value) {
      config.put(key, value);
      return this;
    }

    Builder github(GithubCredentials credentials) {
      this.github = credentials;
      return this;
    }

    /** Also deploy the request history (in memory), as the app does. */
    Builder withHistory() {
      this.history = true;
      return this;
    }

    /** Skip fetching the token and model list at start (the first request then does it). */
    Builder cold() {
      this.warmUp = false;
      return this;
    }

    GatewayFixture start() {
      CopilotSimulator simulator = Await.result(CopilotSimulator.start(vertx, simulatorOptions));
      JsonObject effective = new JsonObject()
          .put("port", 0)
          .put("node_id", "test-node")
          .put("copilot_api_base_url", simulator.baseUrl())
          .put("github_api_base_url", simulator.baseUrl())
          .put("connection_retry_backoff", 0.01)
          .mergeIn(config);
      if (history) {
        Await.result(vertx.deployVerticle(new io.ghcapi.cache.CacheVerticle(), new io.vertx.core.DeploymentOptions()
            .setConfig(new JsonObject().put("node_id", "test-node").put("persist", false)
                .put("cache_max_entries", effective.getInteger("cache_max_entries", 1000)))));
      }
      MutableClock clock = new MutableClock();
      Gateway gateway = Await.result(Gateway.start(vertx, GatewayConfig.from(effective), github, clock));
      if (warmUp) {
        Await.result(gateway.warmUp());
      }
      return new GatewayFixture(vertx, simulator, gateway, clock);
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + gateway.port();
  }

  WebClient web() {
    if (web == null) {
      web = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(gateway.port()));
    }
    return web;
  }

  HttpResponse<Buffer> post(String path, String body) {
    return Await.result(web().post(path).putHeader("content-type", "application/json").sendBuffer(Buffer.buffer(body)));
  }

  HttpResponse<Buffer> get(String path) {
    return Await.result(web().get(path).send());
  }

  /** A chat completion request body with one user message. */
  static String chat(String model, String text, boolean stream) {
    return new JsonObject().put("model", model).put("stream", stream)
        .put("messages", new io.vertx.core.json.JsonArray().add(new JsonObject().put("role", "user").put("content", text)))
        .encode();
  }

  OpenAIClient openAi() {
    return OpenAIOkHttpClient.builder().baseUrl(baseUrl() + "/v1").apiKey("sk-test").maxRetries(0)
        .responseValidation(true).build();
  }

  void close() {
    if (web != null) {
      web.close();
    }
    Await.result(gateway.close());
    Await.result(simulator.close());
  }
}
