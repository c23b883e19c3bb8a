package io.ghcapi.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.gateway.Gateway;
import io.ghcapi.gateway.auth.GithubCredentials;
import io.ghcapi.gateway.config.GatewayConfig;
import io.ghcapi.simulator.CopilotSimulator;
import io.ghcapi.simulator.SimulatorOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the real gateway over HTTP: installing tools (and every sync route) is for the admin only: the admin
 * token when one is configured (a client API key is not enough), and never from another site's page.
 */
@ExtendWith(VertxExtension.class)
class AdminOnlyTest {

  static final String ADMIN_TOKEN = "adm-secret-0123456789";
  static final String CLIENT_KEY = "sk-client-key-0123456789";

  @TempDir
  Path root;
  private CopilotSimulator simulator;
  private Gateway gateway;
  private WebClient web;

  @AfterEach
  void stop() {
    if (web != null) {
      web.close();
    }
    if (gateway != null) {
      Await.result(gateway.close());
    }
    if (simulator != null) {
      Await.result(simulator.close());
    }
  }

  private void start(Vertx vertx, String adminToken) {
    FakeMachine machine = new FakeMachine(root, "dev_Linux");
    machine.write(machine.claude(), "{}\n");
    machine.program("npm", "echo \"npm $*\"; echo 'added 1 package'");
    Await.result(vertx.deployVerticle(new SyncVerticle(), new DeploymentOptions().setConfig(machine.config(null)
        .put("install_packages", new JsonObject().put("claude-code", "@anthropic-ai/claude-code")))));
    simulator = Await.result(CopilotSimulator.start(vertx, new SimulatorOptions()));
    JsonObject config = new JsonObject().put("port", 0).put("node_id", "dev_Linux")
        .put("copilot_api_base_url", simulator.baseUrl()).put("github_api_base_url", simulator.baseUrl())
        .put("api_keys", new JsonArray().add(CLIENT_KEY));
    if (adminToken != null) {
      config.put("admin_token", adminToken);
    }
    gateway = Await.result(Gateway.start(vertx, GatewayConfig.from(config),
        GithubCredentials.of("gho_test_token", GithubCredentials.Source.CONFIGURED)));
    web = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(gateway.port()));
  }

  @Test
  void withAnAdminTokenOnlyItOpensTheInstallAndAClientKeyOrAnotherSiteDoesNot(Vertx vertx) {
    start(vertx, ADMIN_TOKEN);

    assertEquals(401, install(null, null).statusCode());
    assertEquals(401, install("Bearer " + CLIENT_KEY, null).statusCode());
    assertEquals(403, install("Bearer " + ADMIN_TOKEN, "https://evil.example").statusCode());
    assertEquals(401, Await.result(web.get("/api/config-manager/sync/status").send()).statusCode());
    assertEquals(401, Await.result(web.post("/api/config-manager/sync/pull").sendJsonObject(new JsonObject())).statusCode());

    HttpResponse<Buffer> allowed = install("Bearer " + ADMIN_TOKEN, null);
    assertEquals(200, allowed.statusCode());
    assertTrue(allowed.getHeader("content-type").startsWith("text/event-stream"));
    String events = allowed.bodyAsString();
    assertTrue(events.contains("event: started"), events);
    assertTrue(events.contains("event: output\ndata: {\"id\":\"claude-code\",\"stream\":\"stdout\","
        + "\"line\":\"npm install -g @anthropic-ai/claude-code\"}"), events);
    assertTrue(events.contains("event: done\ndata: {\"ok\":true"), events);

    HttpResponse<Buffer> status = Await.result(web.get("/api/config-manager/sync/status")
        .putHeader("Authorization", "Bearer " + ADMIN_TOKEN).send());
    assertEquals(200, status.statusCode());
    assertEquals(false, status.bodyAsJsonObject().getBoolean("enabled"));
  }

  @Test
  void onLoopbackWithoutATokenAnotherSitesPageStillCannotStartAnInstall(Vertx vertx) {
    start(vertx, null);
    assertEquals(403, install(null, "https://evil.example").statusCode());
    HttpResponse<Buffer> crossSiteFetch = Await.result(web.post("/api/config-manager/sync/push")
        .putHeader("Sec-Fetch-Site", "cross-site").sendJsonObject(new JsonObject()));
    assertEquals(403, crossSiteFetch.statusCode());
    assertEquals(200, install(null, "http://127.0.0.1:" + gateway.port()).statusCode(), "the dashboard's own page may");
  }

  private HttpResponse<Buffer> install(String authorization, String origin) {
    HttpRequest<Buffer> request = web.post("/api/config-manager/install-tools");
    if (authorization != null) {
      request.putHeader("Authorization", authorization);
    }
    if (origin != null) {
      request.putHeader("Origin", origin);
    }
    return Await.result(request.sendJsonObject(new JsonObject()));
  }
}
