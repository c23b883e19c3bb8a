package io.ghcapi.acp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancel mid-prompt, one prompt at a time, and everything that can go wrong with an agent process: it
 * crashes mid-turn, writes garbage, floods stderr, writes an endless line, ignores a cancel, cannot start, never
 * answers, is not installed. Nothing may hang.
 */
class CancelAndFailureTest {

  @TempDir
  static Path temp;
  private static AcpFixture fixture;
  private final List<String> opened = new ArrayList<>();

  @BeforeAll
  static void start() {
    fixture = AcpFixture.builder(temp.resolve("state")).acp("acp_max_line_bytes", 1 << 20)
        .acp("acp_cancel_grace_ms", 700).acp("acp_prompt_max_ms", 3000)
        .acp("acp_stop_grace_ms", 300).start();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @AfterEach
  void closeSessions() {
    opened.forEach(id -> fixture.delete("/api/agent/sessions/" + id));
  }

  private JsonObject session(String kind) {
    JsonObject created = fixture.createSession(kind, AcpFixture.folder(temp, "work"));
    opened.add(created.getString("id"));
    return created;
  }

  @Test
  void cancelMidPromptEndsTheTurnCancelledAndTheSessionGoesOn() {
    String id = session("fake").getString("id");
    SseStream stream = fixture.prompt(id, "/slow");
    stream.until(e -> e.data().getJsonObject("update") != null, 20);
    stream.until(e -> e.data().getJsonObject("update") != null, 5);
    HttpResponse<Buffer> cancel = fixture.post("/api/agent/sessions/" + id + "/cancel", new JsonObject());
    assertEquals(200, cancel.statusCode());
    assertTrue(cancel.bodyAsJsonObject().getBoolean("cancelled"));
    List<SseStream.Event> events = stream.drain(10);
    assertTrue(stream.names().contains("cancelling"), stream.names().toString());
    SseStream.Event done = events.get(events.size() - 1);
    assertEquals("done", done.name());
    assertEquals("cancelled", done.data().getString("stop_reason"));
    assertTrue(stream.agentText().endsWith("stopping"), stream.agentText());

    assertFalse(fixture.post("/api/agent/sessions/" + id + "/cancel", new JsonObject()).bodyAsJsonObject()
        .getBoolean("cancelled"), "nothing left to cancel");
    assertTrue(fixture.prompt(id, "still here").drain(10).toString().contains("echo: still here"));
  }

  @Test
  void aSecondPromptWhileOneRunsIsRefusedAndTheFirstIsUntouched() {
    String id = session("fake").getString("id");
    SseStream first = fixture.prompt(id, "/slow");
    first.until(e -> e.data().getJsonObject("update") != null, 20);
    SseStream second = fixture.prompt(id, "me too");
    assertEquals(409, second.status());
    assertTrue(second.errorBody().getJsonObject("error").getString("message").contains("already running"));
    first.until(e -> e.data().getJsonObject("update") != null, 5);
    fixture.post("/api/agent/sessions/" + id + "/cancel", new JsonObject());
    List<SseStream.Event> events = first.drain(10);
    assertEquals("cancelled", events.get(events.size() - 1).data().getString("stop_reason"));
    assertFalse(first.agentText().contains("me too"));
  }

  @Test
  void aTurnLongerThanTheBoundIsCancelled() {
    String id = session("fake").getString("id");
    SseStream stream = fixture.prompt(id, "/slow");
    List<SseStream.Event> events = stream.drain(15);
    assertTrue(events.stream().anyMatch(e -> e.name().equals("error")
        && e.data().getString("message").contains("ran longer than 3 s")), stream.names().toString());
    assertEquals("cancelled", events.get(events.size() - 1).data().getString("stop_reason"));
  }

  @Test
  void anAgentCrashMidPromptFailsTheSessionWithItsExitCodeAndStderr() throws Exception {
    JsonObject created = session("fake");
    String id = created.getString("id");
    SseStream stream = fixture.prompt(id, "/crash");
    List<SseStream.Event> events = stream.drain(15);
    SseStream.Event error = events.stream().filter(e -> e.name().equals("error")).findFirst().orElseThrow(
        () -> new AssertionError(stream.names()));
    String message = error.data().getString("message");
    assertTrue(message.contains("exited unexpectedly (exit code 1)"), message);
    assertTrue(message.contains("crashing on purpose"), message);
    assertTrue(events.stream().anyMatch(e -> e.name().equals("done")
        && "error".equals(e.data().getString("stop_reason"))), stream.names().toString());
    assertTrue(events.stream().anyMatch(e -> e.name().equals("status")
        && "failed".equals(e.data().getString("status"))), stream.names().toString());
    assertTrue(stream.ended());

    JsonObject detail = fixture.get("/api/agent/sessions/" + id).bodyAsJsonObject();
    assertEquals("failed", detail.getString("status"));
    assertTrue(detail.getString("status_reason").contains("exit code 1"));
    assertEquals("error", detail.getJsonArray("messages").getJsonObject(1).getString("stop_reason"));
    assertEquals(409, fixture.prompt(id, "anyone?").status());
    assertFalse(ProcessHandle.of(created.getLong("pid")).map(ProcessHandle::isAlive).orElse(false));
  }

  @Test
  void nonJsonLinesAreSkippedAndTheTurnCompletes() {
    String id = session("fake").getString("id");
    SseStream stream = fixture.prompt(id, "/garbage");
    List<SseStream.Event> events = stream.drain(10);
    assertEquals("end_turn", events.get(events.size() - 1).data().getString("stop_reason"));
    assertEquals("after garbage", stream.agentText());
    assertEquals(2, fixture.get("/api/agent/sessions/" + id).bodyAsJsonObject().getInteger("skipped_lines"));
  }

  @Test
  void aFloodOfStderrDoesNotBlockTheAgent() {
    String id = session("fake").getString("id");
    SseStream stream = fixture.prompt(id, "/stderr");
    List<SseStream.Event> events = stream.drain(10);
    assertEquals("end_turn", events.get(events.size() - 1).data().getString("stop_reason"));
    assertEquals("stderr done", stream.agentText());
  }

  @Test
  void aLineOverTheBoundEndsTheSessionCleanly() {
    String id = session("fake").getString("id");
    SseStream stream = fixture.prompt(id, "/big");
    List<SseStream.Event> events = stream.drain(15);
    assertTrue(events.stream().anyMatch(e -> e.name().equals("error")
        && e.data().getString("message").contains("longer than 1048576 bytes")), stream.names().toString());
    assertEquals("error", events.stream().filter(e -> e.name().equals("done")).findFirst().orElseThrow()
        .data().getString("stop_reason"));
    assertEquals("failed", fixture.get("/api/agent/sessions/" + id).bodyAsJsonObject().getString("status"));
  }

  @Test
  void anAgentThatIgnoresTheCancelIsEndedAfterTheGracePeriod() throws Exception {
    JsonObject created = session("fake");
    String id = created.getString("id");
    SseStream stream = fixture.prompt(id, "/hang");
    stream.until("prompt", 10);
    fixture.post("/api/agent/sessions/" + id + "/cancel", new JsonObject());
    List<SseStream.Event> events = stream.drain(10);
    assertTrue(events.stream().anyMatch(e -> e.name().equals("error")
        && e.data().getString("message").contains("did not end its turn")), stream.names().toString());
    assertEquals("cancelled", events.stream().filter(e -> e.name().equals("done")).findFirst().orElseThrow()
        .data().getString("stop_reason"));
    ProcessHandle.of(created.getLong("pid")).ifPresent(p -> p.onExit().orTimeout(5, TimeUnit.SECONDS).join());
    assertEquals("failed", fixture.get("/api/agent/sessions/" + id).bodyAsJsonObject().getString("status"));
  }

  @Test
  void anAgentThatExitsAtStartIsReportedWithItsOutput() {
    HttpResponse<Buffer> response = fixture.post("/api/agent/sessions", new JsonObject().put("agent_kind",
        "fake-broken").put("working_directory", AcpFixture.folder(temp, "work").toString()));
    assertEquals(500, response.statusCode(), response.bodyAsString());
    String message = response.bodyAsJsonObject().getJsonObject("error").getString("message");
    assertTrue(message.contains("could not start"), message);
    assertTrue(message.contains("exit code 3"), message);
    assertTrue(message.contains("cannot start (asked to fail)"), message);
  }

  @Test
  void anAgentThatNeverAnswersInitializeTimesOut(@TempDir Path other) {
    try (AcpFixture impatient = AcpFixture.builder(other.resolve("state")).acp("acp_start_timeout_ms", 1500).start()) {
      HttpResponse<Buffer> response = impatient.post("/api/agent/sessions", new JsonObject().put("agent_kind",
          "fake-silent").put("working_directory", AcpFixture.folder(temp, "work").toString()));
      assertEquals(500, response.statusCode(), response.bodyAsString());
      String message = response.bodyAsJsonObject().getJsonObject("error").getString("message");
      assertTrue(message.contains("did not answer initialize within 1.5 s"), message);
      assertEquals(0, impatient.get("/api/agent/sessions").bodyAsJsonObject().getInteger("total"));
      assertEquals(0, impatient.get("/api/agent").bodyAsJsonObject().getInteger("running"));
    }
  }

  @Test
  void anAgentThatIsNotInstalledNamesItsNpmPackage() {
    HttpResponse<Buffer> response = fixture.post("/api/agent/sessions", new JsonObject().put("agent_kind", "missing")
        .put("working_directory", AcpFixture.folder(temp, "work").toString()));
    assertEquals(503, response.statusCode(), response.bodyAsString());
    String message = response.bodyAsJsonObject().getJsonObject("error").getString("message");
    assertTrue(message.contains("npm install -g @example/missing-agent"), message);
    JsonObject agents = fixture.get("/api/agent/agents").bodyAsJsonObject();
    JsonObject missing = agents.getJsonArray("agents").stream().map(JsonObject.class::cast)
        .filter(a -> a.getString("kind").equals("missing")).findFirst().orElseThrow();
    assertFalse(missing.getBoolean("available"));
    assertTrue(missing.getString("problem").contains("@example/missing-agent"));
  }
}
