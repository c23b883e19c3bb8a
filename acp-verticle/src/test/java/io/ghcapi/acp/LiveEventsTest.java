package io.ghcapi.acp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.bus.Addresses;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session events on the bus ({@code ghc.acp.session.<id>.events}), the per-session event stream a page can
 * re-attach to, pings during long quiet stretches, a browser leaving mid-turn, and the bound on running
 * sessions.
 */
class LiveEventsTest {

  @TempDir
  static Path temp;
  private static AcpFixture fixture;

  @BeforeAll
  static void start() {
    fixture = AcpFixture.builder(temp.resolve("state")).acp("acp_stream_ping_ms", 300).acp("acp_max_sessions", 2)
        .start();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void everyEventIsPublishedOnTheSessionsBusAddress() {
    String id = fixture.createSession("fake", AcpFixture.folder(temp, "work")).getString("id");
    List<JsonObject> published = new CopyOnWriteArrayList<>();
    MessageConsumer<JsonObject> consumer = fixture.vertx.eventBus().consumer(
        Addresses.ACP_SESSION_EVENTS_PREFIX + id + ".events", message -> published.add(message.body()));
    Await.result(consumer.completion());
    fixture.prompt(id, "/stream").drain(20);
    Await.result(consumer.unregister());
    List<String> types = published.stream().map(e -> e.getString("type")).toList();
    assertEquals("prompt", types.get(types.indexOf("prompt")));
    assertTrue(types.contains("update") && types.contains("done"), types.toString());
    assertTrue(types.indexOf("prompt") < types.indexOf("update") && types.indexOf("update") < types.indexOf("done"));
    long previous = 0;
    for (JsonObject event : published) {
      assertEquals(1, event.getInteger("version"));
      assertEquals(id, event.getString("session_id"));
      assertTrue(event.getLong("seq") > previous);
      previous = event.getLong("seq");
    }
    fixture.delete("/api/agent/sessions/" + id);
  }

  @Test
  void aLongQuietTurnGetsPingsAndABrowserThatLeavesDoesNotStopTheTurn() {
    String id = fixture.createSession("fake", AcpFixture.folder(temp, "work")).getString("id");
    SseStream stream = fixture.prompt(id, "/hang");
    SseStream.Event ping = stream.until("ping", 5);
    assertEquals("prompting", ping.data().getString("status"));
    assertNotNull(ping.data().getString("running_prompt_id"));
    stream.close();

    JsonObject detail = SessionTurnsTest.awaitDetail(fixture, id, d -> d.getJsonObject("running_turn") != null);
    assertEquals("prompting", detail.getString("status"));
    SseStream events = fixture.stream(HttpMethod.GET, "/api/agent/sessions/" + id + "/events?after=0", null);
    assertEquals(200, events.status());
    assertEquals("status", events.next(5).name(), "kept events are replayed first");
    events.until("prompt", 5);
    HttpResponse<Buffer> closed = fixture.delete("/api/agent/sessions/" + id);
    assertEquals(200, closed.statusCode());
    List<SseStream.Event> all = events.drain(10);
    assertTrue(all.stream().anyMatch(e -> e.name().equals("done")
        && "cancelled".equals(e.data().getString("stop_reason"))), events.names().toString());
    SseStream.Event last = all.get(all.size() - 1);
    assertEquals("ended", last.name());
    assertEquals("closed", last.data().getString("status"));
  }

  @Test
  void noMoreThanTheConfiguredNumberOfSessionsRunAtOnce() {
    String first = fixture.createSession("fake", AcpFixture.folder(temp, "work")).getString("id");
    String second = fixture.createSession("fake", AcpFixture.folder(temp, "work")).getString("id");
    HttpResponse<Buffer> third = fixture.post("/api/agent/sessions", new JsonObject().put("agent_kind", "fake")
        .put("working_directory", AcpFixture.folder(temp, "work").toString()));
    assertEquals(409, third.statusCode());
    assertTrue(third.bodyAsString().contains("Too many agent sessions are running (2)"));
    JsonObject overview = fixture.get("/api/agent").bodyAsJsonObject();
    assertEquals(2, overview.getInteger("running"));
    assertEquals(2, overview.getInteger("max_sessions"));
    fixture.delete("/api/agent/sessions/" + first);
    fixture.delete("/api/agent/sessions/" + second);
    String again = fixture.createSession("fake", AcpFixture.folder(temp, "work")).getString("id");
    fixture.delete("/api/agent/sessions/" + again);
  }
}
