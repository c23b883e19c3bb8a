package io.ghcapi.acp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions are stored as compact append-only lines and listed after a restart; a stored session is reloaded
 * with {@code session/load} when its agent can; recent working directories are remembered.
 */
class PersistenceTest {

  @TempDir
  Path temp;
  private AcpFixture fixture;

  @BeforeEach
  void start() {
    fixture = AcpFixture.builder(temp.resolve("state")).start();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void aRestartKeepsTheSessionsTheirTurnsAndTheRecentFolders() throws Exception {
    Path work = AcpFixture.folder(temp, "work");
    Path other = AcpFixture.folder(temp, "other");
    JsonObject created = fixture.createSession("fake", work);
    String id = created.getString("id");
    fixture.createSession("fake", other);
    fixture.createSession("fake", work);
    fixture.prompt(id, "/tool").drain(20);
    fixture.prompt(id, "/stream").drain(20);

    Path file = temp.resolve("state/sessions/" + id + ".jsonl");
    List<String> lines = Files.readAllLines(file);
    assertEquals("session", new JsonObject(lines.get(0)).getString("t"));
    assertTrue(lines.size() <= 7, "one line per prompt and per turn, not per update: " + lines.size());

    fixture.restartAcp();
    ProcessHandle.of(created.getLong("pid")).ifPresent(p -> p.onExit().orTimeout(5, TimeUnit.SECONDS).join());

    JsonObject list = fixture.get("/api/agent/sessions").bodyAsJsonObject();
    assertEquals(3, list.getInteger("total"));
    JsonObject item = list.getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(i -> i.getString("id").equals(id)).findFirst().orElseThrow();
    assertEquals("disconnected", item.getString("status"));
    assertEquals(4, item.getInteger("message_count"));
    assertEquals("/tool", item.getString("title"));
    assertTrue(item.getBoolean("can_resume"));

    JsonObject detail = fixture.get("/api/agent/sessions/" + id).bodyAsJsonObject();
    JsonArray messages = detail.getJsonArray("messages");
    assertEquals(4, messages.size());
    assertEquals("/stream", messages.getJsonObject(2).getString("text"));
    JsonArray streamed = messages.getJsonObject(3).getJsonArray("entries");
    assertEquals("part-1 part-2 part-3 part-4 part-5 ", streamed.getJsonObject(1).getJsonObject("update")
        .getJsonObject("content").getString("text"));
    assertEquals("stream", detail.getJsonArray("available_commands").getJsonObject(0).getString("name"));

    assertEquals(List.of(work.toString(), other.toString()),
        fixture.get("/api/agent/workdirs").bodyAsJsonObject().getJsonArray("dirs").getList());
  }

  @Test
  void aStoredSessionIsReloadedWithSessionLoadAndGoesOn() {
    String id = fixture.createSession("fake", AcpFixture.folder(temp, "work")).getString("id");
    fixture.prompt(id, "first").drain(20);
    fixture.restartAcp();

    HttpResponse<Buffer> resumed = fixture.post("/api/agent/sessions/" + id + "/resume", new JsonObject());
    assertEquals(200, resumed.statusCode(), resumed.bodyAsString());
    assertEquals("ready", resumed.bodyAsJsonObject().getString("status"));
    SseStream whoami = fixture.prompt(id, "/whoami");
    whoami.drain(20);
    assertTrue(whoami.agentText().contains("session fake-1 loaded=true"), whoami.agentText());
    assertFalse(whoami.names().toString().contains("user_message_chunk"), "the replay is not shown again");

    JsonArray messages = fixture.get("/api/agent/sessions/" + id).bodyAsJsonObject().getJsonArray("messages");
    assertEquals(4, messages.size());
    assertFalse(messages.encode().contains("(replayed)"), messages.encode());
    assertEquals(409, fixture.post("/api/agent/sessions/" + id + "/resume", new JsonObject()).statusCode());
  }

  @Test
  void anAgentWithoutSessionLoadCannotBeReloaded() {
    String id = fixture.createSession("fake-noload", AcpFixture.folder(temp, "work")).getString("id");
    fixture.restartAcp();
    JsonObject item = fixture.get("/api/agent/sessions").bodyAsJsonObject().getJsonArray("items").getJsonObject(0);
    assertFalse(item.getBoolean("can_resume"));
    HttpResponse<Buffer> refused = fixture.post("/api/agent/sessions/" + id + "/resume", new JsonObject());
    assertEquals(409, refused.statusCode());
    assertTrue(refused.bodyAsString().contains("cannot load an earlier session"), refused.bodyAsString());
  }

  @Test
  void closedAndFailedSessionsKeepTheirStatusAcrossARestart() {
    String closed = fixture.createSession("fake", AcpFixture.folder(temp, "work")).getString("id");
    fixture.delete("/api/agent/sessions/" + closed);
    String failed = fixture.createSession("fake", AcpFixture.folder(temp, "work")).getString("id");
    fixture.prompt(failed, "/crash").drain(20);
    fixture.restartAcp();
    assertEquals("closed", fixture.get("/api/agent/sessions/" + closed).bodyAsJsonObject().getString("status"));
    JsonObject detail = fixture.get("/api/agent/sessions/" + failed).bodyAsJsonObject();
    assertEquals("failed", detail.getString("status"));
    assertTrue(detail.getString("status_reason").contains("exit code 1"));
  }

  @Test
  void onlyTheNewestSessionsAreKeptOnDisk(@TempDir Path other) throws Exception {
    try (AcpFixture small = AcpFixture.builder(other.resolve("state")).acp("acp_max_stored_sessions", 2).start()) {
      for (int i = 0; i < 4; i++) {
        String id = small.createSession("fake", AcpFixture.folder(temp, "work")).getString("id");
        small.delete("/api/agent/sessions/" + id);
        Thread.sleep(5);
      }
      small.createSession("fake", AcpFixture.folder(temp, "work"));
      assertEquals(2, small.get("/api/agent/sessions").bodyAsJsonObject().getInteger("total"));
      long deadline = System.currentTimeMillis() + 5000;
      while (files(other.resolve("state/sessions")) != 2 && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(2, files(other.resolve("state/sessions")));
    }
  }

  private static long files(Path dir) throws Exception {
    try (Stream<Path> list = Files.list(dir)) {
      return list.count();
    }
  }
}
