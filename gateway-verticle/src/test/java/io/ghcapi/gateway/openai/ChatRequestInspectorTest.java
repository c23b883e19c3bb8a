package io.ghcapi.gateway.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ChatRequestInspectorTest {

  private static JsonObject message(String role, Object content) {
    return new JsonObject().put("role", role).put("content", content);
  }

  @Test
  void userLastMeansUser() {
    JsonArray messages = new JsonArray()
        .add(message("system", "be brief"))
        .add(message("user", "hi"))
        .add(message("assistant", "hello"))
        .add(message("user", "and now?"));
    assertEquals("user", ChatRequestInspector.initiator(messages));
    assertEquals(ChatRequestInspector.USER, ChatRequestInspector.initiator(messages));
  }

  @Test
  void toolResultLastMeansAgent() {
    JsonArray messages = new JsonArray()
        .add(message("user", "weather?"))
        .add(new JsonObject().put("role", "assistant").putNull("content").put("tool_calls", new JsonArray()))
        .add(new JsonObject().put("role", "tool").put("tool_call_id", "call_1").put("content", "sunny"));
    assertEquals("agent", ChatRequestInspector.initiator(messages));
  }

  @Test
  void assistantLastMeansAgent() {
    JsonArray messages = new JsonArray().add(message("user", "start")).add(message("assistant", "continuing"));
    assertEquals(ChatRequestInspector.AGENT, ChatRequestInspector.initiator(messages));
  }

  @Test
  void anEarlierUserMessageDoesNotMakeItUser() {
    JsonArray messages = new JsonArray().add(message("user", "go")).add(message("tool", "result"));
    assertEquals("agent", ChatRequestInspector.initiator(messages));
  }

  @Test
  void emptyOrMissingMessagesMeanUser() {
    assertEquals("user", ChatRequestInspector.initiator(new JsonArray()));
    assertEquals("user", ChatRequestInspector.initiator(null));
  }

  @Test
  void systemOrDeveloperLastMeansUser() {
    assertEquals("user", ChatRequestInspector.initiator(new JsonArray().add(message("system", "x"))));
    assertEquals("user", ChatRequestInspector.initiator(new JsonArray().add(message("developer", "x"))));
  }

  @Test
  void detectsImageParts() {
    JsonArray withImage = new JsonArray()
        .add(message("user", "plain text"))
        .add(message("user", new JsonArray()
            .add(new JsonObject().put("type", "text").put("text", "what is this?"))
            .add(new JsonObject().put("type", "image_url")
                .put("image_url", new JsonObject().put("url", "data:image/png;base64,AAAA")))));
    assertTrue(ChatRequestInspector.hasImages(withImage));
  }

  @Test
  void imageInAnEarlierMessageCounts() {
    JsonArray messages = new JsonArray()
        .add(message("user", new JsonArray().add(new JsonObject().put("type", "image_url")
            .put("image_url", new JsonObject().put("url", "https://example.com/a.png")))))
        .add(message("assistant", "a cat"))
        .add(message("user", "thanks"));
    assertTrue(ChatRequestInspector.hasImages(messages));
  }

  @Test
  void noImagesWithoutImageParts() {
    JsonArray messages = new JsonArray()
        .add(message("user", "image_url"))
        .add(message("user", new JsonArray().add(new JsonObject().put("type", "text").put("text", "image_url"))));
    assertFalse(ChatRequestInspector.hasImages(messages));
    assertFalse(ChatRequestInspector.hasImages(new JsonArray()));
    assertFalse(ChatRequestInspector.hasImages(null));
  }
}
