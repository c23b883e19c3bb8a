package io.ghcapi.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** A running simulator plus a client that talks to it the way the gateway does. Tests block on futures. */
final class SimulatorHarness {

  static final String EDITOR_VERSION = "vscode/1.93.0";

  final Vertx vertx;
  final CopilotSimulator simulator;
  final WebClient client;
  private String copilotToken;

  private SimulatorHarness(Vertx vertx, CopilotSimulator simulator) {
    this.vertx = vertx;
    this.simulator = simulator;
    this.client = WebClient.create(vertx, new WebClientOptions()
        .setDefaultHost("127.0.0.1")
        .setDefaultPort(simulator.port()));
  }

  static SimulatorHarness start(Vertx vertx, SimulatorOptions options) {
    return new SimulatorHarness(vertx, CopilotSimulator.start(vertx, options).await());
  }

  static SimulatorHarness start(Vertx vertx) {
    return start(vertx, new SimulatorOptions());
  }

  void close() {
    client.close();
    simulator.close().await();
  }

  /** A Copilot token obtained through the token exchange (once per harness). */
  String copilotToken() {
    if (copilotToken == null) {
      HttpResponse<Buffer> response = exchangeToken("ghu_test");
      if (response.statusCode() != 200) {
        throw new AssertionError("token exchange failed: " + response.bodyAsString());
      }
      copilotToken = response.bodyAsJsonObject().getString("token");
    }
    return copilotToken;
  }

  HttpResponse<Buffer> exchangeToken(String githubToken) {
    return client.get("/copilot_internal/v2/token")
        .putHeader("Authorization", "token " + githubToken)
        .putHeader("Accept", "application/json")
        .send().await();
  }

  /** A data-plane request carrying a valid token and the IDE headers Copilot requires. */
  HttpRequest<Buffer> copilot(HttpMethod method, String path) {
    return client.request(method, path)
        .putHeader("Authorization", "Bearer " + copilotToken())
        .putHeader("Editor-Version", EDITOR_VERSION)
        .putHeader("Editor-Plugin-Version", "copilot-chat/0.26.7")
        .putHeader("Copilot-Integration-Id", "vscode-chat");
  }

  HttpResponse<Buffer> post(String path, JsonObject body) {
    return copilot(HttpMethod.POST, path).sendJsonObject(body).await();
  }

  HttpResponse<Buffer> postMessages(JsonObject body) {
    return copilot(HttpMethod.POST, "/v1/messages").putHeader("anthropic-version", "2023-06-01").sendJsonObject(body).await();
  }

  /** Polls until {@code condition} holds or fails after {@code timeout}. */
  static void eventually(Duration timeout, BooleanSupplier condition, String description) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + description);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }
}
