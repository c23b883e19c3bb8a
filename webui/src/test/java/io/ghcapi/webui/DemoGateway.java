package io.ghcapi.webui;

import io.ghcapi.cache.CacheVerticle;
import io.ghcapi.gateway.Gateway;
import io.ghcapi.gateway.auth.GithubCredentials;
import io.ghcapi.gateway.config.GatewayConfig;
import io.ghcapi.simulator.CopilotSimulator;
import io.ghcapi.simulator.SimulatorOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The gateway as {@code ghc-api --demo} runs it, in-process on random loopback ports: the Copilot simulator,
 * the request history (on disk, in a temporary directory) and the gateway in front of the simulator.
 * Test code calls it over plain HTTP, as a client would.
 */
final class DemoGateway implements AutoCloseable {

  static final String NODE_ID = "demo-node";
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  final Vertx vertx;
  final CopilotSimulator simulator;
  final Gateway gateway;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private DemoGateway(Vertx vertx, CopilotSimulator simulator, Gateway gateway) {
    this.vertx = vertx;
    this.simulator = simulator;
    this.gateway = gateway;
  }

  static DemoGateway start(Path dir) {
    return start(dir, new JsonObject());
  }

  /** With gateway settings of its own ({@code admin_token}, ...). */
  static DemoGateway start(Path dir, JsonObject gatewaySettings) {
    Vertx vertx = Vertx.vertx();
    try {
      CopilotSimulator simulator = await(CopilotSimulator.start(vertx,
          new SimulatorOptions().setDevicePendingPolls(1).setDeviceIntervalSeconds(1)));
      await(vertx.deployVerticle(new CacheVerticle(), new DeploymentOptions().setConfig(new JsonObject()
          .put("node_id", NODE_ID)
          .put("history_dir", dir.resolve("history").toString())
          .put("requests_dir", dir.resolve("requests").toString())
          .put("flush_interval_ms", 50)
          .put("peers_sync", false))));
      GatewayConfig config = GatewayConfig.from(new JsonObject()
          .put("port", 0)
          .put("node_id", NODE_ID)
          .put("copilot_api_base_url", simulator.baseUrl())
          .put("github_api_base_url", simulator.baseUrl())
          .mergeIn(gatewaySettings));
      Gateway gateway = await(Gateway.start(vertx, config,
          GithubCredentials.of("demo-github-token", GithubCredentials.Source.DEMO)));
      await(gateway.warmUp());
      return new DemoGateway(vertx, simulator, gateway);
    } catch (RuntimeException e) {
      vertx.close();
      throw e;
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + gateway.port() + path;
  }

  /** A chat completion; returns the response (its {@code x-request-id} names the history entry). */
  HttpResponse<String> chat(String model, String text, boolean stream) {
    JsonObject body = new JsonObject().put("model", model).put("stream", stream)
        .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", text)));
    return send(HttpRequest.newBuilder(URI.create(url("/v1/chat/completions")))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer sk-client-secret-value")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build());
  }

  /** An Anthropic Messages request. */
  HttpResponse<String> messages(String model, String text, boolean stream) {
    JsonObject body = new JsonObject().put("model", model).put("stream", stream).put("max_tokens", 256)
        .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", text)));
    return send(HttpRequest.newBuilder(URI.create(url("/v1/messages")))
        .header("Content-Type", "application/json")
        .header("x-api-key", "sk-ant-client-secret")
        .header("anthropic-version", "2023-06-01")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build());
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
  }

  JsonObject getJson(String path) {
    HttpResponse<String> response = get(path);
    if (response.statusCode() != 200) {
      throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
    }
    return new JsonObject(response.body());
  }

  HttpResponse<String> postJson(String path, JsonObject body) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build());
  }

  /** Imports JSON Lines as {@code curl --data-binary} would. */
  JsonObject importLines(String lines) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url("/api/requests/import")))
        .header("Content-Type", "application/x-jsonlines")
        .POST(HttpRequest.BodyPublishers.ofString(lines)).build());
    if (response.statusCode() != 200) {
      throw new AssertionError("import answered " + response.statusCode() + ": " + response.body());
    }
    return new JsonObject(response.body());
  }

  void clearHistory() {
    send(HttpRequest.newBuilder(URI.create(url("/api/requests"))).DELETE().build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(HttpRequest.newBuilder(request, (name, value) -> true).timeout(TIMEOUT).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  static <T> T await(Future<T> future) {
    try {
      return future.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no result within " + TIMEOUT, e);
    }
  }

  @Override
  public void close() {
    try {
      await(gateway.close());
    } finally {
      await(vertx.close());
    }
  }
}
