package io.ghcapi.acp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
 * Sessions with the fake agent through the gateway: {@code initialize} and {@code session/new}, turns and every
 * {@code session/update} variant in order, the agent's real stop reasons and errors, modes and models.
 */
class SessionTurnsTest {

  @TempDir
  static Path temp;
  private static AcpFixture fixture;
  private final List<String> opened = new ArrayList<>();

  @BeforeAll
  static void start() {
    fixture = AcpFixture.builder(temp.resolve("state")).start();
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
  void creatingASessionInitializesTheAgentAndOpensASession() {
    JsonObject created = session("fake");
    assertEquals("fake", created.getString("agent_kind"));
    assertEquals("ready", created.getString("status"));
    assertTrue(created.getString("agent_session_id").startsWith("fake-"), created.encode());
    assertEquals("fake-agent", created.getJsonObject("agent_info").getString("name"));
    assertTrue(created.getJsonObject("agent_capabilities").getBoolean("loadSession"));
    assertEquals("default", created.getJsonObject("modes").getString("currentModeId"));
    assertEquals("fake-small", created.getJsonObject("models").getString("currentModelId"));
    assertEquals(temp.resolve("work").toString(), created.getString("working_directory"));
    assertNotNull(created.getLong("pid"));
    assertEquals(new JsonArray(), created.getJsonArray("messages"));

    JsonArray dirs = fixture.get("/api/agent/workdirs").bodyAsJsonObject().getJsonArray("dirs");
    assertEquals(temp.resolve("work").toString(), dirs.getString(0));
    // available_commands_update comes right after session/new; it is kept as a setting
    JsonObject detail = awaitDetail(created.getString("id"), d -> d.getValue("available_commands") != null);
    assertEquals("stream", detail.getJsonArray("available_commands").getJsonObject(0).getString("name"));
  }

  @Test
  void aPromptStreamsTheEchoAndEndsWithTheAgentsStopReason() {
    String id = session("fake").getString("id");
    SseStream stream = fixture.prompt(id, "hello agent");
    List<SseStream.Event> events = stream.drain(20);
    assertEquals("status", events.get(0).name(), stream.names().toString());
    assertEquals("prompting", events.get(0).data().getString("status"));
    assertEquals("prompt", events.get(1).name(), stream.names().toString());
    assertEquals("hello agent", events.get(1).data().getString("text"));
    assertEquals("echo: hello agent", stream.agentText());
    SseStream.Event done = events.get(events.size() - 1);
    assertEquals("done", done.name());
    assertEquals("end_turn", done.data().getString("stop_reason"));
    assertEquals(events.get(1).data().getString("prompt_id"), done.data().getString("prompt_id"));
    assertIncreasingSeq(events);

    JsonObject detail = fixture.get("/api/agent/sessions/" + id).bodyAsJsonObject();
    assertEquals("ready", detail.getString("status"));
    JsonArray messages = detail.getJsonArray("messages");
    assertEquals(2, messages.size());
    assertEquals("user", messages.getJsonObject(0).getString("role"));
    assertEquals("hello agent", messages.getJsonObject(0).getString("text"));
    assertEquals("end_turn", messages.getJsonObject(1).getString("stop_reason"));
  }

  @Test
  void streamedChunksAndThoughtsArriveInOrderAndAreJoinedWhenStored() {
    String id = session("fake").getString("id");
    SseStream stream = fixture.prompt(id, "/stream");
    stream.drain(20);
    List<String> names = stream.names();
    int thought = names.indexOf("update:agent_thought_chunk");
    int firstChunk = names.indexOf("update:agent_message_chunk");
    assertTrue(thought >= 0 && thought < firstChunk, names.toString());
    assertEquals("part-1 part-2 part-3 part-4 part-5 ", stream.agentText());

    JsonArray entries = lastAgentMessage(id).getJsonArray("entries");
    assertEquals(2, entries.size(), entries.encode());
    assertEquals("Thinking about streams", entries.getJsonObject(0).getJsonObject("update")
        .getJsonObject("content").getString("text"));
    JsonObject joined = entries.getJsonObject(1).getJsonObject("update");
    assertEquals("m1", joined.getString("messageId"));
    assertEquals("part-1 part-2 part-3 part-4 part-5 ", joined.getJsonObject("content").getString("text"));
  }

  @Test
  void aToolCallGoesPendingInProgressCompletedWithItsDiffAndIsFoldedWhenStored() {
    String id = session("fake").getString("id");
    SseStream stream = fixture.prompt(id, "/tool");
    stream.drain(20);
    List<String> statuses = new ArrayList<>();
    JsonObject last = null;
    for (SseStream.Event event : stream.seen()) {
      JsonObject update = event.data().getJsonObject("update");
      if (update != null && update.getString("sessionUpdate").startsWith("tool_call")) {
        statuses.add(update.getString("sessionUpdate") + ":" + update.getString("status"));
        last = update;
      }
    }
    assertEquals(List.of("tool_call:pending", "tool_call_update:in_progress", "tool_call_update:completed"), statuses);
    JsonObject diff = last.getJsonArray("content").getJsonObject(1);
    assertEquals("diff", diff.getString("type"));
    assertTrue(diff.getString("path").endsWith("/a.txt"));
    assertNull(diff.getValue("oldText"));
    assertEquals("x\n", diff.getString("newText"));

    JsonArray entries = lastAgentMessage(id).getJsonArray("entries");
    assertEquals(1, entries.size(), entries.encode());
    JsonObject folded = entries.getJsonObject(0).getJsonObject("update");
    assertEquals("tool_call", folded.getString("sessionUpdate"));
    assertEquals("completed", folded.getString("status"));
    assertEquals("Read a.txt", folded.getString("title"));
    assertEquals(2, folded.getJsonArray("content").size());
    assertEquals(1, folded.getJsonObject("rawOutput").getInteger("lines"));
  }

  @Test
  void aPlanIsReplacedByTheNextPlan() {
    String id = session("fake").getString("id");
    SseStream stream = fixture.prompt(id, "/plan");
    stream.drain(20);
    List<JsonObject> plans = new ArrayList<>();
    stream.seen().forEach(e -> {
      JsonObject update = e.data().getJsonObject("update");
      if (update != null && "plan".equals(update.getString("sessionUpdate"))) {
        plans.add(update);
      }
    });
    assertEquals(2, plans.size());
    assertEquals("completed", plans.get(1).getJsonArray("entries").getJsonObject(0).getString("status"));
    JsonArray entries = lastAgentMessage(id).getJsonArray("entries");
    assertEquals(1, entries.size());
    assertEquals("in_progress", entries.getJsonObject(0).getJsonObject("update").getJsonArray("entries")
        .getJsonObject(1).getString("status"));
  }

  @Test
  void modeConfigUsageAndSessionInfoUpdatesAreRelayedAndKept() {
    String id = session("fake").getString("id");
    SseStream mode = fixture.prompt(id, "/mode");
    mode.drain(20);
    assertTrue(mode.names().containsAll(List.of("update:current_mode_update", "update:config_option_update")),
        mode.names().toString());
    JsonObject detail = fixture.get("/api/agent/sessions/" + id).bodyAsJsonObject();
    assertEquals("plan", detail.getJsonObject("modes").getString("currentModeId"));
    assertEquals("model", detail.getJsonArray("config_options").getJsonObject(0).getString("id"));

    SseStream usage = fixture.prompt(id, "/usage");
    List<SseStream.Event> events = usage.drain(20);
    JsonObject update = events.stream().filter(e -> e.data().getJsonObject("update") != null).findFirst()
        .orElseThrow().data().getJsonObject("update");
    assertEquals("usage_update", update.getString("sessionUpdate"));
    assertEquals(1234, update.getInteger("used"));
    assertEquals("USD", update.getJsonObject("cost").getString("currency"));
    JsonObject done = events.get(events.size() - 1).data();
    assertEquals(1234, done.getJsonObject("usage").getInteger("totalTokens"));

    fixture.prompt(id, "/session-info").drain(20);
    assertEquals("A fake title", fixture.get("/api/agent/sessions/" + id).bodyAsJsonObject().getString("title"));
  }

  @Test
  void userMessageChunksAndUpdateKindsUnknownToThisClientArePassedOnUntouched() {
    String id = session("fake").getString("id");
    SseStream stream = fixture.prompt(id, "/variants");
    List<SseStream.Event> events = stream.drain(20);
    assertTrue(stream.names().containsAll(List.of("update:user_message_chunk", "update:compaction_update")),
        stream.names().toString());
    JsonObject unknown = events.stream().map(e -> e.data().getJsonObject("update"))
        .filter(u -> u != null && "compaction_update".equals(u.getString("sessionUpdate"))).findFirst().orElseThrow();
    assertEquals("unknown to clients", unknown.getString("state"));
    assertEquals("variants done", stream.agentText());
    assertEquals("end_turn", events.get(events.size() - 1).data().getString("stop_reason"));
    assertEquals(3, lastAgentMessage(id).getJsonArray("entries").size());
  }

  @Test
  void theAgentsRealStopReasonsArePassedOn() {
    String id = session("fake").getString("id");
    assertEquals("refusal", doneOf(fixture.prompt(id, "/refuse")).getString("stop_reason"));
    assertEquals("max_tokens", doneOf(fixture.prompt(id, "/maxtokens")).getString("stop_reason"));
    assertEquals("end_turn", doneOf(fixture.prompt(id, "ok")).getString("stop_reason"));
  }

  @Test
  void aPromptErrorIsShownWithItsDataAndTheSessionStaysUsable() {
    String id = session("fake").getString("id");
    SseStream stream = fixture.prompt(id, "/error");
    List<SseStream.Event> events = stream.drain(20);
    SseStream.Event error = events.stream().filter(e -> e.name().equals("error")).findFirst().orElseThrow();
    assertEquals("boom", error.data().getString("message"));
    assertEquals(-32603, error.data().getInteger("code"));
    assertEquals("x", error.data().getJsonObject("data").getString("detail"));
    assertEquals("error", events.get(events.size() - 1).data().getString("stop_reason"));
    assertEquals("echo: again", fixture.prompt(id, "again").drain(20).stream()
        .filter(e -> e.data().getJsonObject("update") != null).findFirst().orElseThrow()
        .data().getJsonObject("update").getJsonObject("content").getString("text"));
  }

  @Test
  void setModeSetModelAndSetConfigOptionReachTheAgent() {
    String id = session("fake").getString("id");
    HttpResponse<Buffer> mode = fixture.post("/api/agent/sessions/" + id + "/mode", new JsonObject().put("mode_id", "plan"));
    assertEquals(200, mode.statusCode(), mode.bodyAsString());
    assertEquals("plan", mode.bodyAsJsonObject().getJsonObject("modes").getString("currentModeId"));
    assertEquals(400, fixture.post("/api/agent/sessions/" + id + "/mode",
        new JsonObject().put("mode_id", "warp")).statusCode());

    HttpResponse<Buffer> model = fixture.post("/api/agent/sessions/" + id + "/model",
        new JsonObject().put("model_id", "fake-large"));
    assertEquals(200, model.statusCode(), model.bodyAsString());
    assertEquals("fake-large", model.bodyAsJsonObject().getJsonObject("models").getString("currentModelId"));
    assertTrue(fixture.prompt(id, "/whoami").drain(20).toString().contains("model=fake-large"));

    String configured = session("fake-config").getString("id");
    HttpResponse<Buffer> viaOption = fixture.post("/api/agent/sessions/" + configured + "/model",
        new JsonObject().put("model_id", "fake-large"));
    assertEquals(200, viaOption.statusCode(), viaOption.bodyAsString());
    assertEquals("fake-large", viaOption.bodyAsJsonObject().getJsonArray("config_options").getJsonObject(0)
        .getString("currentValue"));
    HttpResponse<Buffer> option = fixture.post("/api/agent/sessions/" + configured + "/config",
        new JsonObject().put("config_id", "model").put("value", "fake-small"));
    assertEquals(200, option.statusCode(), option.bodyAsString());
    assertEquals("fake-small", option.bodyAsJsonObject().getJsonArray("config_options").getJsonObject(0)
        .getString("currentValue"));
  }

  @Test
  void theListShowsRunningSessionsNewestFirstInPages() {
    String first = session("fake").getString("id");
    String second = session("fake").getString("id");
    JsonObject page = fixture.get("/api/agent/sessions?per_page=1").bodyAsJsonObject();
    assertEquals(1, page.getJsonArray("items").size());
    assertTrue(page.getInteger("total") >= 2);
    assertTrue(page.getInteger("total_pages") >= 2);
    JsonObject all = fixture.get("/api/agent/sessions?per_page=200").bodyAsJsonObject();
    List<String> ids = all.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id")).toList();
    assertTrue(ids.indexOf(second) < ids.indexOf(first), ids.toString());
    JsonObject item = (JsonObject) all.getJsonArray("items").stream()
        .filter(o -> ((JsonObject) o).getString("id").equals(first)).findFirst().orElseThrow();
    assertEquals("ready", item.getString("status"));
    assertFalse(item.getBoolean("can_resume"));
  }

  @Test
  void badRequestsAreRefusedWithClearMessages() {
    HttpResponse<Buffer> noKind = fixture.post("/api/agent/sessions", new JsonObject().put("working_directory", "/tmp"));
    assertEquals(400, noKind.statusCode());
    assertTrue(noKind.bodyAsString().contains("agent_kind is required"));
    HttpResponse<Buffer> unknown = fixture.post("/api/agent/sessions", new JsonObject().put("agent_kind", "nope")
        .put("working_directory", temp.toString()));
    assertEquals(400, unknown.statusCode());
    assertTrue(unknown.bodyAsString().contains("claude-code"), unknown.bodyAsString());
    HttpResponse<Buffer> relative = fixture.post("/api/agent/sessions", new JsonObject().put("agent_kind", "fake")
        .put("working_directory", "relative/dir"));
    assertEquals(400, relative.statusCode());
    HttpResponse<Buffer> missingDir = fixture.post("/api/agent/sessions", new JsonObject().put("agent_kind", "fake")
        .put("working_directory", temp.resolve("does-not-exist").toString()));
    assertEquals(400, missingDir.statusCode());
    assertTrue(missingDir.bodyAsString().contains("not an existing folder"));
    assertEquals(404, fixture.get("/api/agent/sessions/no-such-session").statusCode());
    assertEquals(404, fixture.get("/api/agent/sessions/..%2F..%2Fetc").statusCode());
    assertEquals(404, fixture.get("/api/agent/nothing-here").statusCode());
    String id = session("fake").getString("id");
    assertEquals(400, fixture.post("/api/agent/sessions/" + id + "/prompt", new JsonObject()).statusCode());
  }

  @Test
  void closingEndsTheProcessAndLaterPromptsAreRefused() throws Exception {
    JsonObject created = session("fake");
    String id = created.getString("id");
    ProcessHandle process = ProcessHandle.of(created.getLong("pid")).orElseThrow();
    HttpResponse<Buffer> closed = fixture.delete("/api/agent/sessions/" + id);
    assertEquals(200, closed.statusCode(), closed.bodyAsString());
    assertEquals("closed", closed.bodyAsJsonObject().getString("status"));
    process.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
    assertFalse(process.isAlive());
    SseStream refused = fixture.prompt(id, "hello");
    assertEquals(409, refused.status());
    assertTrue(refused.errorBody().getJsonObject("error").getString("message").contains("not active (closed)"));
    assertEquals("closed", fixture.get("/api/agent/sessions/" + id).bodyAsJsonObject().getString("status"));
  }

  private JsonObject lastAgentMessage(String id) {
    JsonArray messages = fixture.get("/api/agent/sessions/" + id).bodyAsJsonObject().getJsonArray("messages");
    return messages.getJsonObject(messages.size() - 1);
  }

  private static JsonObject doneOf(SseStream stream) {
    List<SseStream.Event> events = stream.drain(20);
    SseStream.Event last = events.get(events.size() - 1);
    assertEquals("done", last.name(), stream.names().toString());
    return last.data();
  }

  private static void assertIncreasingSeq(List<SseStream.Event> events) {
    long previous = 0;
    for (SseStream.Event event : events) {
      long seq = event.data().getLong("seq");
      assertTrue(seq > previous, "seq must increase: " + events);
      previous = seq;
    }
  }

  static JsonObject awaitDetail(AcpFixture fixture, String id, java.util.function.Predicate<JsonObject> ready) {
    long deadline = System.currentTimeMillis() + 10_000;
    while (true) {
      JsonObject detail = fixture.get("/api/agent/sessions/" + id).bodyAsJsonObject();
      if (ready.test(detail)) {
        return detail;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("the session never got there: " + detail.encodePrettily());
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private JsonObject awaitDetail(String id, java.util.function.Predicate<JsonObject> ready) {
    return awaitDetail(fixture, id, ready);
  }
}
