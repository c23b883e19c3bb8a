package io.ghcapi.acp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code authenticate} when the agent requires it, and agents' model traffic going through this gateway (by
 * environment, or by the ACP {@code gateway} sign-in) so that it shows up in the request history.
 */
class SignInAndGatewayTest {

  @TempDir
  static Path temp;
  private static AcpFixture fixture;

  @BeforeAll
  static void start() {
    fixture = AcpFixture.builder(temp.resolve("state")).start();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void anAgentThatRequiresAuthenticationIsSignedInAndTheSessionOpens() {
    JsonObject created = fixture.createSession("fake-auth", AcpFixture.folder(temp, "work"));
    assertEquals("fake-login", created.getString("signed_in_with"));
    String id = created.getString("id");
    assertTrue(fixture.prompt(id, "/whoami").drain(20).toString().contains("signed-in=fake-login"));
    fixture.delete("/api/agent/sessions/" + id);
  }

  @Test
  void byEnvironmentTheAgentsModelCallsGoThroughTheGatewayAndIntoTheHistory() {
    String id = fixture.createSession("fake", AcpFixture.folder(temp, "work")).getString("id");
    SseStream whoami = fixture.prompt(id, "/whoami");
    whoami.drain(20);
    assertTrue(whoami.agentText().contains("gateway-env=" + fixture.baseUrl()), whoami.agentText());
    int before = messagesInHistory();
    SseStream stream = fixture.prompt(id, "/gateway");
    stream.drain(30);
    assertTrue(stream.agentText().startsWith("gateway(env) 200: Simulated reply from claude-"), stream.agentText());
    awaitHistory(before + 1);
    fixture.delete("/api/agent/sessions/" + id);
  }

  @Test
  void byTheGatewaySignInTheAgentGetsThisGatewayAsItsEndpoint() {
    JsonObject created = fixture.createSession("fake-gateway", AcpFixture.folder(temp, "work"));
    assertEquals("gateway", created.getString("signed_in_with"));
    String id = created.getString("id");
    int before = messagesInHistory();
    SseStream stream = fixture.prompt(id, "/gateway");
    stream.drain(30);
    assertTrue(stream.agentText().startsWith("gateway(auth) 200: Simulated reply from claude-"), stream.agentText());
    awaitHistory(before + 1);
    fixture.delete("/api/agent/sessions/" + id);
  }

  @Test
  void withRoutingOffNothingIsSetOrOffered(@TempDir Path other) {
    try (AcpFixture off = AcpFixture.builder(other.resolve("state")).acp("acp_route_through_gateway", false).start()) {
      JsonObject created = off.createSession("fake-gateway", AcpFixture.folder(temp, "work"));
      assertEquals(null, created.getString("signed_in_with"));
      SseStream whoami = off.prompt(created.getString("id"), "/whoami");
      whoami.drain(20);
      assertTrue(whoami.agentText().contains("signed-in=none"), whoami.agentText());
      String plain = off.createSession("fake", AcpFixture.folder(temp, "work")).getString("id");
      SseStream env = off.prompt(plain, "/whoami");
      env.drain(20);
      assertTrue(env.agentText().contains("gateway-env=null"), env.agentText());
    }
  }

  private static int messagesInHistory() {
    JsonArray items = fixture.history();
    int count = 0;
    for (Object item : items) {
      if (String.valueOf(((JsonObject) item).getValue("endpoint")).contains("messages")) {
        count++;
      }
    }
    return count;
  }

  private static void awaitHistory(int expected) {
    long deadline = System.currentTimeMillis() + 10_000;
    while (messagesInHistory() < expected) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("the agent's request is not in the history: " + fixture.history().encodePrettily());
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
