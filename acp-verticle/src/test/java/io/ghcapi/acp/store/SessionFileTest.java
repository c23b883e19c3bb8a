package io.ghcapi.acp.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Folding a stored session's lines. */
class SessionFileTest {

  @Test
  void linesFoldIntoTheSessionAndACutLastLineIsSkipped() {
    JsonObject session = SessionFile.read(List.of(
        "{\"t\":\"session\",\"id\":\"s1\",\"agent_kind\":\"fake\",\"created_at\":\"2026-01-01T00:00:00Z\"}",
        "{\"t\":\"prompt\",\"prompt_id\":\"prompt-1\",\"at\":\"2026-01-01T00:00:01Z\",\"text\":\"  fix   the\\ntests  \"}",
        "{\"t\":\"settings\",\"at\":\"2026-01-01T00:00:02Z\",\"modes\":{\"currentModeId\":\"plan\"},\"secret\":1}",
        "{\"t\":\"turn\",\"prompt_id\":\"prompt-1\",\"at\":\"2026-01-01T00:00:03Z\",\"stop_reason\":\"end_turn\","
            + "\"entries\":[{\"type\":\"error\"}]}",
        "{\"t\":\"status\",\"status\":\"failed\",\"reason\":\"exit code 1\",\"at\":\"2026-01-01T00:00:04Z\"}",
        "{\"t\":\"prompt\",\"prompt_id\":\"pro"));
    assertEquals("s1", session.getString("id"));
    assertEquals("fix the tests", session.getString("title"));
    assertEquals("plan", session.getJsonObject("modes").getString("currentModeId"));
    assertNull(session.getValue("secret"), "only settings fields are taken");
    assertEquals(2, session.getJsonArray("messages").size());
    assertEquals("end_turn", session.getJsonArray("messages").getJsonObject(1).getString("stop_reason"));
    assertEquals("failed", session.getString("status"));
    assertEquals("exit code 1", session.getString("status_reason"));
    assertEquals("2026-01-01T00:00:04Z", session.getString("updated_at"));
    assertEquals(2, session.getInteger("message_count"));
  }

  @Test
  void withoutAHeaderThereIsNoSession() {
    assertNull(SessionFile.read(List.of("{\"t\":\"status\",\"status\":\"closed\"}")));
  }
}
