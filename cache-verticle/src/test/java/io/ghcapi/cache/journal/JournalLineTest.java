package io.ghcapi.cache.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JournalLineTest {

  @Test
  void anUnchangedForwardedBodyIsStoredOnceAndRestored() {
    String body = "{\"model\":\"gpt-4.1\",\"messages\":[]}";
    JsonObject record = new JsonObject().put("id", "r1").put("original_request_body", body).put("request_body", body);

    byte[] line = new JournalLine(7, record).encode();
    String text = new String(line, StandardCharsets.UTF_8);
    assertEquals(text.indexOf("gpt-4.1"), text.lastIndexOf("gpt-4.1"), "the body appears once on disk");

    JournalLine back = JournalLine.decode(line, line.length - 1);
    assertEquals(7, back.seq());
    assertEquals(record, back.record());
    assertTrue(record.containsKey("request_body"), "the caller's record is not changed");
  }

  @Test
  void aChangedForwardedBodyIsKept() {
    JsonObject record = new JsonObject().put("id", "r2").put("original_request_body", "{\"model\":\"sonnet\"}")
        .put("request_body", "{\"model\":\"claude-sonnet-5\"}");
    byte[] line = new JournalLine(1, record).encode();
    assertEquals(record, JournalLine.decode(line, line.length - 1).record());
  }
}
