package io.ghcapi.acp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Launching agents, prompting them and answering their permission requests are admin-only: a {@code /v1}
 * client key does not open them and a cross-site page cannot reach them. Agents present the configured client
 * key when they call the gateway.
 */
class AdminOnlyTest {

  private static final String ADMIN = "adm-secret-0123456789";
  private static final String CLIENT_KEY = "sk-client-0123456789";

  @TempDir
  static Path temp;
  private static AcpFixture fixture;

  @BeforeAll
  static void start() {
    fixture = AcpFixture.builder(temp.resolve("state")).gateway("admin_token", ADMIN)
        .gateway("api_keys", new JsonArray().add(CLIENT_KEY)).acp("acp_gateway_api_key", CLIENT_KEY).start();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static JsonObject newSession() {
    return new JsonObject().put("agent_kind", "fake")
        .put("working_directory", AcpFixture.folder(temp, "work").toString());
  }

  private static HttpResponse<Buffer> send(HttpRequest<Buffer> request, JsonObject body) {
    return Await.result(body == null ? request.send() : request.sendJsonObject(body));
  }

  @Test
  void withoutTheAdminTokenNothingIsReachableAndAClientKeyIsNotEnough() {
    assertEquals(401, send(fixture.web().post("/api/agent/sessions"), newSession()).statusCode());
    assertEquals(401, send(fixture.web().post("/api/agent/sessions")
        .putHeader("Authorization", "Bearer " + CLIENT_KEY), newSession()).statusCode());
    assertEquals(401, send(fixture.web().post("/api/agent/sessions").putHeader("x-api-key", CLIENT_KEY),
        newSession()).statusCode());
    assertEquals(401, send(fixture.web().get("/api/agent/sessions")
        .putHeader("Authorization", "Bearer " + CLIENT_KEY), null).statusCode());
    assertEquals(0, runningSessions(), "no agent was started");
  }

  @Test
  void aCrossSitePageIsRefusedEvenWithTheToken() {
    HttpResponse<Buffer> crossSite = send(fixture.web().post("/api/agent/sessions")
        .putHeader("Authorization", "Bearer " + ADMIN).putHeader("Origin", "https://evil.example"), newSession());
    assertEquals(403, crossSite.statusCode());
    HttpResponse<Buffer> fetchMetadata = send(fixture.web().post("/api/agent/sessions")
        .putHeader("Authorization", "Bearer " + ADMIN).putHeader("Sec-Fetch-Site", "cross-site"), newSession());
    assertEquals(403, fetchMetadata.statusCode());
  }

  @Test
  void theAdminRunsASessionWhoseAgentPresentsTheClientKeyToTheGateway() {
    HttpResponse<Buffer> created = send(fixture.web().post("/api/agent/sessions")
        .putHeader("Authorization", "Bearer " + ADMIN)
        .putHeader("Origin", fixture.baseUrl()), newSession());
    assertEquals(201, created.statusCode(), created.bodyAsString());
    String id = created.bodyAsJsonObject().getString("id");

    HttpResponse<Buffer> prompt = send(fixture.web().post("/api/agent/sessions/" + id + "/prompt")
        .putHeader("Authorization", "Bearer " + CLIENT_KEY), new JsonObject().put("text", "hi"));
    assertEquals(401, prompt.statusCode());
    HttpResponse<Buffer> answer = send(fixture.web().post("/api/agent/sessions/" + id + "/permissions/perm-1")
        .putHeader("Authorization", "Bearer " + CLIENT_KEY), new JsonObject().put("option_id", "allow"));
    assertEquals(401, answer.statusCode());

    HttpResponse<Buffer> gateway = send(fixture.web().post("/api/agent/sessions/" + id + "/prompt")
        .putHeader("Authorization", "Bearer " + ADMIN), new JsonObject().put("text", "/gateway"));
    assertEquals(200, gateway.statusCode());
    assertTrue(gateway.bodyAsString().contains("gateway(env) 200: Simulated reply"), gateway.bodyAsString());
    send(fixture.web().delete("/api/agent/sessions/" + id).putHeader("Authorization", "Bearer " + ADMIN), null);
  }

  private static int runningSessions() {
    return send(fixture.web().get("/api/agent").putHeader("Authorization", "Bearer " + ADMIN), null)
        .bodyAsJsonObject().getInteger("running");
  }
}
