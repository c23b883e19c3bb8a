package io.ghcapi.translator.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ghcapi.translator.SseBuffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both directions chained through the Chat chunk hub reproduce an equivalent stream. */
class HubChainTest {

  private final SseBuffer out = new SseBuffer();
  private final ChatToResponsesStream client = new ChatToResponsesStream(out,
      ChatToResponsesResponseTest.context(ChatToResponsesResponseTest.codexLikeRequest()));
  private final ResponsesToChatStream upstream = new ResponsesToChatStream(client, "gpt-5-codex");

  private List<ResponsesSseGrammar.Event> clientEvents() {
    String sse = out.drain().toString();
    assertEquals(List.of(), ResponsesSseGrammar.violations(sse), sse);
    return ResponsesSseGrammar.parse(sse);
  }

  private static List<JsonObject> doneItems(List<ResponsesSseGrammar.Event> events) {
    List<JsonObject> items = new ArrayList<>();
    events.stream().filter(event -> event.name().equals("response.output_item.done"))
        .forEach(event -> items.add(event.data().getJsonObject("item")));
    return items;
  }

  private static JsonObject terminal(List<ResponsesSseGrammar.Event> events) {
    return events.get(events.size() - 1).data();
  }

  @Test
  void aResponsesStreamThroughTheHubComesOutEquivalent() {
    JsonObject usage = UpstreamResponsesEvents.usage(100, 30, 20, 5);
    new UpstreamResponsesEvents().created()
        .reasoning("enc-state", "Plan the listing.")
        .message("I will ", "list files.")
        .functionCall("call_1", "shell", "{\"cmd\":", "\"ls\"}")
        .completed(usage).feed(upstream);

    List<ResponsesSseGrammar.Event> events = clientEvents();
    List<JsonObject> items = doneItems(events);
    assertEquals(List.of("reasoning", "message", "function_call"), items.stream().map(item -> item.getString("type")).toList());
    assertEquals("Plan the listing.", items.get(0).getJsonArray("summary").getJsonObject(0).getString("text"));
    assertEquals("enc-state", items.get(0).getString("encrypted_content"));
    assertEquals("I will list files.", items.get(1).getJsonArray("content").getJsonObject(0).getString("text"));
    assertEquals("call_1", items.get(2).getString("call_id"));
    assertEquals("shell", items.get(2).getString("name"));
    assertEquals("{\"cmd\":\"ls\"}", items.get(2).getString("arguments"));
    JsonObject completed = terminal(events);
    assertEquals("response.completed", completed.getString("type"));
    assertEquals(usage.copy().put("input_tokens_details", usage.getJsonObject("input_tokens_details").copy().put("cache_write_tokens", 0L)),
        completed.getJsonObject("response").getJsonObject("usage"));
  }

  @Test
  void anUpstreamContextOverflowReachesTheClientAsContextLengthExceeded() {
    new UpstreamResponsesEvents().created().failed("context_length_exceeded", "Input exceeds the context window").feed(upstream);

    JsonObject failed = terminal(clientEvents());
    assertEquals("response.failed", failed.getString("type"));
    assertEquals(new JsonObject().put("code", "context_length_exceeded").put("message", "Input exceeds the context window"),
        failed.getJsonObject("response").getJsonObject("error"));
  }

  @Test
  void anUpstreamThatClosesEarlyEndsTheClientStreamWithOneFailure() {
    new UpstreamResponsesEvents().created().message("partial").feed(upstream);

    List<ResponsesSseGrammar.Event> events = clientEvents();
    assertEquals("response.failed", terminal(events).getString("type"));
    assertEquals("server_error", terminal(events).getJsonObject("response").getJsonObject("error").getString("code"));
  }

  @Test
  void anIncompleteUpstreamStaysIncomplete() {
    new UpstreamResponsesEvents().created().message("cut sh").incomplete("max_output_tokens", UpstreamResponsesEvents.usage(5, 0, 9, 0))
        .feed(upstream);

    JsonObject incomplete = terminal(clientEvents());
    assertEquals("response.incomplete", incomplete.getString("type"));
    assertEquals("max_output_tokens", incomplete.getJsonObject("response").getJsonObject("incomplete_details").getString("reason"));
  }

  @Test
  void ourResponsesStreamDecodesBackToTheSameChatStream() {
    SseBuffer encoded = new SseBuffer();
    ChatToResponsesStream encoder = new ChatToResponsesStream(encoded,
        ChatToResponsesResponseTest.context(ChatToResponsesResponseTest.codexLikeRequest()));
    encoder.chunk(ChatChunksForTests.role());
    encoder.chunk(ChatChunksForTests.reasoning("Think."));
    encoder.chunk(ChatChunksForTests.opaque("enc"));
    encoder.chunk(ChatChunksForTests.text("Answer "));
    encoder.chunk(ChatChunksForTests.text("here."));
    encoder.chunk(ChatChunksForTests.toolStart(0, "call_1", "shell", "{\"cmd\":"));
    encoder.chunk(ChatChunksForTests.toolArguments(0, "\"ls\"}"));
    encoder.chunk(ChatChunksForTests.finish("tool_calls"));
    encoder.chunk(ChatChunksForTests.usage(100, 20, 30, 5));
    encoder.done();

    ChatChunkRecorder decoded = new ChatChunkRecorder();
    ResponsesToChatStream decoder = new ResponsesToChatStream(decoded, "gpt-4.1");
    for (ResponsesSseGrammar.Event event : ResponsesSseGrammar.parse(encoded.drain().toString())) {
      decoder.onEvent(event.name(), event.data());
    }
    decoder.onEnd();

    assertEquals("Think.", decoded.joined("reasoning_text"));
    assertEquals("enc", decoded.joined("reasoning_opaque"));
    assertEquals("Answer here.", decoded.joined("content"));
    assertEquals(new JsonObject().put("id", "call_1").put("type", "function")
        .put("function", new JsonObject().put("arguments", "{\"cmd\":\"ls\"}").put("name", "shell")), decoded.toolCalls().get(0));
    assertEquals("tool_calls", decoded.finishReason());
    assertEquals(ChatChunksForTests.chatUsage(100, 20, 30, 5), decoded.usage());
    assertEquals(1, decoded.doneCalls);
    assertEquals(new JsonArray(), decoded.chunks.get(decoded.chunks.size() - 1).getJsonArray("choices"));
  }
}
