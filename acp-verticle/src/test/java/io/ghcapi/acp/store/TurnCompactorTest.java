package io.ghcapi.acp.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** What a turn leaves behind: compact, ordered, bounded. */
class TurnCompactorTest {

  private final TurnCompactor compactor = new TurnCompactor(10, 20, 100_000);

  private static JsonObject update(JsonObject update) {
    return new JsonObject().put("version", 1).put("session_id", "s").put("seq", 1).put("at", "t").put("type", "update")
        .put("update", update);
  }

  private static JsonObject chunk(String kind, String text, String messageId) {
    JsonObject update = new JsonObject().put("sessionUpdate", kind)
        .put("content", new JsonObject().put("type", "text").put("text", text));
    if (messageId != null) {
      update.put("messageId", messageId);
    }
    return update(update);
  }

  @Test
  void chunksOfOneMessageAreJoinedAndANewMessageOrKindStartsAnEntry() {
    compactor.add(chunk("agent_thought_chunk", "think ", "m1"));
    compactor.add(chunk("agent_message_chunk", "Hel", "m1"));
    compactor.add(chunk("agent_message_chunk", "lo", "m1"));
    compactor.add(chunk("agent_message_chunk", "again", "m2"));
    compactor.add(chunk("agent_message_chunk", "!", "m2"));
    JsonArray entries = compactor.entries();
    assertEquals(3, entries.size());
    assertEquals("Hello", text(entries.getJsonObject(1)));
    assertEquals("again!", text(entries.getJsonObject(2)));
    assertFalse(entries.getJsonObject(0).containsKey("seq"), "the envelope is not stored");
  }

  @Test
  void joinedTextIsBounded() {
    compactor.add(chunk("agent_message_chunk", "0123456789", null));
    compactor.add(chunk("agent_message_chunk", "0123456789", null));
    compactor.add(chunk("agent_message_chunk", "0123456789", null));
    JsonObject entry = compactor.entries().getJsonObject(0);
    assertEquals(20, text(entry).length());
    assertTrue(entry.getBoolean("truncated"));
  }

  @Test
  void toolCallUpdatesAreFoldedIntoTheirCallWithContentReplaced() {
    compactor.add(update(new JsonObject().put("sessionUpdate", "tool_call").put("toolCallId", "c1")
        .put("title", "Edit").put("status", "pending").put("content", new JsonArray().add("old"))));
    compactor.add(chunk("agent_message_chunk", "meanwhile", null));
    compactor.add(update(new JsonObject().put("sessionUpdate", "tool_call_update").put("toolCallId", "c1")
        .put("status", "completed").put("content", new JsonArray().add("new"))));
    compactor.add(update(new JsonObject().put("sessionUpdate", "tool_call_update").put("toolCallId", "other")
        .put("status", "failed")));
    JsonArray entries = compactor.entries();
    assertEquals(3, entries.size());
    JsonObject call = entries.getJsonObject(0).getJsonObject("update");
    assertEquals("tool_call", call.getString("sessionUpdate"));
    assertEquals("completed", call.getString("status"));
    assertEquals("Edit", call.getString("title"));
    assertEquals(new JsonArray().add("new"), call.getJsonArray("content"));
    assertEquals("tool_call_update", entries.getJsonObject(2).getJsonObject("update").getString("sessionUpdate"));
  }

  @Test
  void thePlanKeepsItsPlaceAndStateUpdatesKeepTheirLastValue() {
    compactor.add(update(new JsonObject().put("sessionUpdate", "plan").put("entries", new JsonArray().add(1))));
    compactor.add(update(new JsonObject().put("sessionUpdate", "usage_update").put("used", 1)));
    compactor.add(chunk("agent_message_chunk", "text", null));
    compactor.add(update(new JsonObject().put("sessionUpdate", "plan").put("entries", new JsonArray().add(2))));
    compactor.add(update(new JsonObject().put("sessionUpdate", "usage_update").put("used", 2)));
    JsonArray entries = compactor.entries();
    assertEquals(3, entries.size());
    assertEquals(new JsonArray().add(2), entries.getJsonObject(0).getJsonObject("update").getJsonArray("entries"));
    assertEquals(2, entries.getJsonObject(2).getJsonObject("update").getInteger("used"));
  }

  @Test
  void permissionOutcomesJoinTheirRequestAndTerminalOutputIsJoined() {
    compactor.add(new JsonObject().put("type", "permission").put("request_id", "perm-1").put("options", new JsonArray()));
    compactor.add(new JsonObject().put("type", "terminal_output").put("terminal_id", "t1").put("text", "a"));
    compactor.add(new JsonObject().put("type", "terminal_output").put("terminal_id", "t1").put("text", "b"));
    compactor.add(new JsonObject().put("type", "permission_resolved").put("request_id", "perm-1")
        .put("outcome", "selected").put("option_id", "allow").put("by", "user"));
    compactor.add(new JsonObject().put("type", "status").put("status", "ready"));
    compactor.add(new JsonObject().put("type", "ping"));
    JsonArray entries = compactor.entries();
    assertEquals(2, entries.size());
    assertEquals("allow", entries.getJsonObject(0).getJsonObject("resolution").getString("option_id"));
    assertEquals("ab", entries.getJsonObject(1).getString("text"));
  }

  @Test
  void theNumberOfEntriesIsBounded() {
    for (int i = 0; i < 15; i++) {
      compactor.add(new JsonObject().put("type", "file").put("op", "read").put("path", "/p" + i));
    }
    assertEquals(10, compactor.entries().size());
    assertEquals(5, compactor.dropped());
  }

  @Test
  void everythingKeptIsBoundedToo() {
    TurnCompactor small = new TurnCompactor(100, 1000, 300);
    for (int i = 0; i < 10; i++) {
      small.add(new JsonObject().put("type", "file").put("op", "read").put("path", "/a/long/path/number/" + i));
    }
    assertTrue(small.entries().encode().length() <= 300 + 10, small.entries().encode());
    assertTrue(small.dropped() > 0);
  }

  private static String text(JsonObject entry) {
    return entry.getJsonObject("update").getJsonObject("content").getString("text");
  }
}
