package io.ghcapi.acp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code session/request_permission}: shown to the person and answered with their choice, answered by the
 * session's auto-approve policy, cancelled with the turn, rejected when nobody answers in time.
 */
class PermissionRequestsTest {

  @TempDir
  static Path temp;
  private static AcpFixture fixture;
  private final List<String> opened = new ArrayList<>();

  @BeforeAll
  static void start() {
    fixture = AcpFixture.builder(temp.resolve("state")).acp("acp_permission_timeout_ms", 3000).start();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @AfterEach
  void closeSessions() {
    opened.forEach(id -> fixture.delete("/api/agent/sessions/" + id));
  }

  private String session(JsonObject extra) {
    String id = fixture.createSession(new JsonObject().put("agent_kind", "fake")
        .put("working_directory", AcpFixture.folder(temp, "work").toString()).mergeIn(extra)).getString("id");
    opened.add(id);
    return id;
  }

  @Test
  void theChosenOptionGoesBackToTheAgent() {
    String id = session(new JsonObject());
    SseStream stream = fixture.prompt(id, "/permission");
    SseStream.Event asked = stream.until("permission", 20);
    String request = asked.data().getString("request_id");
    assertEquals("c2", asked.data().getJsonObject("tool_call").getString("toolCallId"));
    assertEquals(3, asked.data().getJsonArray("options").size());
    JsonArray pending = fixture.get("/api/agent/sessions/" + id).bodyAsJsonObject().getJsonArray("pending_permissions");
    assertEquals(request, pending.getJsonObject(0).getString("request_id"));

    HttpResponse<Buffer> wrong = fixture.post("/api/agent/sessions/" + id + "/permissions/" + request,
        new JsonObject().put("option_id", "not-an-option"));
    assertEquals(400, wrong.statusCode());
    HttpResponse<Buffer> chosen = fixture.post("/api/agent/sessions/" + id + "/permissions/" + request,
        new JsonObject().put("option_id", "allow"));
    assertEquals(200, chosen.statusCode(), chosen.bodyAsString());

    SseStream.Event resolved = stream.until("permission_resolved", 10);
    assertEquals("selected", resolved.data().getString("outcome"));
    assertEquals("allow", resolved.data().getString("option_id"));
    assertEquals("user", resolved.data().getString("by"));
    stream.drain(10);
    assertTrue(stream.agentText().contains("permission: selected allow"), stream.agentText());
    assertTrue(stream.names().indexOf("permission_resolved") < stream.names().lastIndexOf("update:tool_call_update"));
    assertEquals(404, fixture.post("/api/agent/sessions/" + id + "/permissions/" + request,
        new JsonObject().put("option_id", "allow")).statusCode());

    JsonArray entries = lastAgentMessage(id).getJsonArray("entries");
    JsonObject stored = entries.stream().map(JsonObject.class::cast)
        .filter(e -> "permission".equals(e.getString("type"))).findFirst().orElseThrow();
    assertEquals("allow", stored.getJsonObject("resolution").getString("option_id"));
  }

  @Test
  void rejectingAndDismissingAreAnsweredAsSuch() {
    String id = session(new JsonObject());
    SseStream stream = fixture.prompt(id, "/permission");
    String request = stream.until("permission", 20).data().getString("request_id");
    fixture.post("/api/agent/sessions/" + id + "/permissions/" + request, new JsonObject().put("option_id", "reject"));
    stream.drain(10);
    assertTrue(stream.agentText().contains("permission: selected reject"), stream.agentText());
    assertTrue(stream.seen().stream().anyMatch(e -> e.data().getJsonObject("update") != null
        && "failed".equals(e.data().getJsonObject("update").getString("status"))));

    SseStream second = fixture.prompt(id, "/permission");
    String again = second.until("permission", 20).data().getString("request_id");
    assertEquals(200, fixture.post("/api/agent/sessions/" + id + "/permissions/" + again,
        new JsonObject().put("dismiss", true)).statusCode());
    second.drain(10);
    assertTrue(second.agentText().contains("permission: cancelled"), second.agentText());
  }

  @Test
  void theAllPolicyAnswersWithoutAsking() {
    String id = session(new JsonObject().put("auto_approve", "all"));
    SseStream stream = fixture.prompt(id, "/permission");
    stream.drain(20);
    SseStream.Event shown = stream.seen().stream().filter(e -> e.name().equals("permission")).findFirst()
        .orElseThrow();
    assertTrue(shown.data().getBoolean("auto"));
    SseStream.Event resolved = stream.seen().stream().filter(e -> e.name().equals("permission_resolved"))
        .findFirst().orElseThrow();
    assertEquals("auto", resolved.data().getString("by"));
    assertEquals("allow", resolved.data().getString("option_id"));
    assertTrue(stream.agentText().contains("permission: selected allow"));
  }

  @Test
  void theReadsPolicyStillAsksForAnEditAndThePolicyCanBeChanged() {
    String id = session(new JsonObject().put("auto_approve", "reads"));
    SseStream stream = fixture.prompt(id, "/permission");
    SseStream.Event asked = stream.until("permission", 20);
    assertTrue(!asked.data().containsKey("auto"), "an edit is not a read");
    fixture.post("/api/agent/sessions/" + id + "/permissions/" + asked.data().getString("request_id"),
        new JsonObject().put("option_id", "always"));
    stream.drain(10);

    HttpResponse<Buffer> changed = fixture.post("/api/agent/sessions/" + id + "/auto-approve",
        new JsonObject().put("policy", "all"));
    assertEquals("all", changed.bodyAsJsonObject().getString("auto_approve"));
    assertEquals(400, fixture.post("/api/agent/sessions/" + id + "/auto-approve",
        new JsonObject().put("policy", "sometimes")).statusCode());
    SseStream auto = fixture.prompt(id, "/permission");
    auto.drain(20);
    assertTrue(auto.agentText().contains("permission: selected allow"));
  }

  @Test
  void cancellingTheTurnAnswersTheWaitingRequestCancelled() {
    String id = session(new JsonObject());
    SseStream stream = fixture.prompt(id, "/permission");
    stream.until("permission", 20);
    HttpResponse<Buffer> cancel = fixture.post("/api/agent/sessions/" + id + "/cancel", new JsonObject());
    assertEquals(true, cancel.bodyAsJsonObject().getBoolean("cancelled"));
    SseStream.Event resolved = stream.until("permission_resolved", 10);
    assertEquals("cancelled", resolved.data().getString("outcome"));
    assertEquals("cancel", resolved.data().getString("by"));
    List<SseStream.Event> events = stream.drain(10);
    assertEquals("cancelled", events.get(events.size() - 1).data().getString("stop_reason"));
    assertTrue(stream.agentText().contains("permission: cancelled"));
  }

  @Test
  void aRequestTheAgentWithdrawsIsAnsweredCancelled() {
    String id = session(new JsonObject());
    SseStream stream = fixture.prompt(id, "/withdraw");
    stream.until("permission", 20);
    SseStream.Event resolved = stream.until("permission_resolved", 10);
    assertEquals("agent", resolved.data().getString("by"));
    assertEquals("cancelled", resolved.data().getString("outcome"));
    stream.drain(10);
    assertTrue(stream.agentText().contains("withdrawn: cancelled"), stream.agentText());
  }

  @Test
  void aRequestNobodyAnswersIsRejectedAfterTheTimeout() {
    String id = session(new JsonObject());
    SseStream stream = fixture.prompt(id, "/permission");
    stream.until("permission", 20);
    SseStream.Event resolved = stream.until("permission_resolved", 10);
    assertEquals("timeout", resolved.data().getString("by"));
    assertEquals("reject", resolved.data().getString("option_id"));
    stream.drain(10);
    assertTrue(stream.agentText().contains("permission: selected reject"));
  }

  private JsonObject lastAgentMessage(String id) {
    JsonArray messages = fixture.get("/api/agent/sessions/" + id).bodyAsJsonObject().getJsonArray("messages");
    return messages.getJsonObject(messages.size() - 1);
  }
}
