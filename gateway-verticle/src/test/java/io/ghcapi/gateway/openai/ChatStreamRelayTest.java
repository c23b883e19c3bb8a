package io.ghcapi.gateway.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.bus.TokenUsage;
import io.ghcapi.gateway.stream.SseEvent;
import io.ghcapi.gateway.stream.SseEventParser;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatStreamRelayTest {

  private static final String ROLE =
      "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}";
  private static final String TEXT =
      "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi there\"},\"finish_reason\":null}]}";
  private static final String FINISH =
      "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}";
  private static final String USAGE =
      "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\",\"choices\":[],\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":20,\"total_tokens\":120,\"prompt_tokens_details\":{\"cached_tokens\":40}}}";

  private final ChatStreamRelay relay = new ChatStreamRelay(0, true);

  /** An event as the parser makes it from the wire, so raw is exactly what upstream sent. */
  private static SseEvent event(String data) {
    List<SseEvent> out = new ArrayList<>();
    new SseEventParser(1 << 20, out::add).feed(Buffer.buffer("data: " + data + "\n\n"));
    assertEquals(1, out.size());
    return out.get(0);
  }

  private static JsonObject errorOfFrame(Buffer frame) {
    String text = frame.toString();
    assertTrue(text.startsWith("data: {"), text);
    assertTrue(text.endsWith("\n\n"), text);
    JsonObject json = new JsonObject(text.substring("data: ".length()).trim());
    assertTrue(json.getValue("error") instanceof JsonObject, text);
    return json.getJsonObject("error");
  }

  @Test
  void unchangedChunksPassByteForByte() {
    SseEvent role = event(ROLE);
    SseEvent text = event(TEXT);
    assertSame(role.raw(), relay.onEvent(role));
    assertSame(text.raw(), relay.onEvent(text));
  }

  @Test
  void doneIsPassedThroughAndEndsTheStream() {
    relay.onEvent(event(TEXT));
    relay.onEvent(event(FINISH));
    Buffer done = relay.onEvent(event("[DONE]"));
    assertEquals("data: [DONE]\n\n", done.toString());
    assertNull(relay.onEvent(event(TEXT)), "nothing after [DONE]");
    Buffer end = relay.onUpstreamEnd();
    assertTrue(end == null || end.length() == 0, "no second [DONE]");
    assertNull(relay.failure());
  }

  @Test
  void endedAfterFinishWithoutDoneAddsDone() {
    relay.onEvent(event(ROLE));
    relay.onEvent(event(TEXT));
    relay.onEvent(event(FINISH));
    relay.onEvent(event(USAGE));
    Buffer end = relay.onUpstreamEnd();
    assertNotNull(end);
    assertEquals("data: [DONE]\n\n", end.toString());
    assertNull(relay.failure());
  }

  @Test
  void endedWithoutFinishGivesAnErrorFrameAndFailure() {
    relay.onEvent(event(ROLE));
    relay.onEvent(event(TEXT));
    Buffer end = relay.onUpstreamEnd();
    assertNotNull(end);
    JsonObject error = errorOfFrame(end);
    assertEquals("server_error", error.getString("type"));
    assertEquals("upstream_stream_incomplete", error.getString("code"));
    assertTrue(error.getString("message").length() > 0);
    assertNotNull(relay.failure());
    assertTrue(end.toString().indexOf("[DONE]") < 0, "a cut stream must not look complete");
  }

  @Test
  void emptyStreamIsAFailure() {
    JsonObject error = errorOfFrame(relay.onUpstreamEnd());
    assertEquals("upstream_stream_incomplete", error.getString("code"));
    assertNotNull(relay.failure());
    assertEquals(new JsonObject().put("error", "Stream interrupted").encode(), relay.assembledResponse());
  }

  @Test
  void connectionLossGivesAnErrorFrame() {
    relay.onEvent(event(TEXT));
    Buffer frame = relay.onUpstreamFailure(new java.io.IOException("reset by peer"));
    JsonObject error = errorOfFrame(frame);
    assertEquals("upstream_connection_error", error.getString("code"));
    assertTrue(error.getString("message").contains("reset by peer"), error.getString("message"));
    assertTrue(relay.failure().contains("IOException"), relay.failure());
  }

  @Test
  void upstreamErrorChunkIsPassedAndRecordedAsFailure() {
    SseEvent err = event("{\"error\":{\"message\":\"context too long\",\"type\":\"invalid_request_error\"}}");
    assertSame(err.raw(), relay.onEvent(err));
    assertTrue(relay.failure().contains("context too long"), relay.failure());
    Buffer end = relay.onUpstreamEnd();
    assertTrue(end == null || end.length() == 0, "no [DONE] or second error after an upstream error");
  }

  @Test
  void usageIsConvertedWithCachedTokensMovedOutOfInput() {
    assertEquals(TokenUsage.NONE, relay.usage());
    relay.onEvent(event(TEXT));
    relay.onEvent(event(FINISH));
    relay.onEvent(event(USAGE));
    TokenUsage usage = relay.usage();
    assertEquals(60, usage.inputTokens());
    assertEquals(20, usage.outputTokens());
    assertEquals(40, usage.cacheReadInputTokens());
    assertEquals(0, usage.cacheCreationInputTokens());
    assertEquals(120, usage.total());
  }

  @Test
  void toolCallChunksAreNormalisedAndReserialised() {
    String upstream = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
        + "\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":3,\"id\":\"call_1\",\"type\":\"function\","
        + "\"function\":{\"name\":\"get_weather\"}}]},\"finish_reason\":null}]}";
    Buffer out = relay.onEvent(event(upstream));
    String text = out.toString();
    assertTrue(text.startsWith("data: "), text);
    assertTrue(text.endsWith("\n\n"), text);
    JsonObject chunk = new JsonObject(text.substring(6).trim());
    JsonObject delta = chunk.getJsonArray("choices").getJsonObject(0).getJsonObject("delta");
    assertTrue(delta.containsKey("content"));
    assertNull(delta.getValue("content"));
    JsonObject call = delta.getJsonArray("tool_calls").getJsonObject(0);
    assertEquals(0, call.getInteger("index"));
    assertEquals("", call.getJsonObject("function").getString("arguments"));
  }

  @Test
  void assembledResponseRebuildsTheCompletion() {
    relay.onEvent(event(ROLE));
    relay.onEvent(event(TEXT));
    relay.onEvent(event(FINISH));
    relay.onEvent(event(USAGE));
    relay.onEvent(event("[DONE]"));
    JsonObject completion = new JsonObject(relay.assembledResponse());
    assertEquals("chat.completion", completion.getString("object"));
    JsonArray choices = completion.getJsonArray("choices");
    assertEquals("Hi there", choices.getJsonObject(0).getJsonObject("message").getString("content"));
    assertEquals("stop", choices.getJsonObject(0).getString("finish_reason"));
    assertEquals(100, completion.getJsonObject("usage").getInteger("prompt_tokens"));
  }

  @Test
  void unparseableDataIsNotAFinish() {
    SseEvent junk = event("not json");
    Buffer out = relay.onEvent(junk);
    assertSame(junk.raw(), out);
    assertNull(relay.failure());
    assertEquals("upstream_stream_incomplete", errorOfFrame(relay.onUpstreamEnd()).getString("code"));
  }
  @Test
  void usageOnlyChunkPassesUnchangedWhenTheClientAskedForUsage() {
    relay.onEvent(event(FINISH));
    SseEvent usage = event(USAGE);
    Buffer out = relay.onEvent(usage);
    assertNotNull(out);
    assertEquals(new JsonObject(USAGE), new JsonObject(out.toString().substring(6).trim()));
  }

  @Test
  void usageOnlyChunkIsDroppedWhenTheClientDidNotAsk() {
    ChatStreamRelay quiet = new ChatStreamRelay(0, false);
    quiet.onEvent(event(TEXT));
    quiet.onEvent(event(FINISH));
    Buffer out = quiet.onEvent(event(USAGE));
    assertTrue(out == null || out.length() == 0, "no usage chunk for a client that did not ask");
    assertEquals(60, quiet.usage().inputTokens(), "usage is still recorded");
    assertEquals(40, quiet.usage().cacheReadInputTokens());
    assertEquals("data: [DONE]\n\n", quiet.onUpstreamEnd().toString());
  }

  /** Copilot puts usage on the finish chunk; OpenAI clients expect it in a chunk of its own with no choices. */
  private static final String FINISH_WITH_USAGE =
      "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":2,\"total_tokens\":12}}";

  private static List<JsonObject> frames(Buffer out) {
    List<JsonObject> chunks = new ArrayList<>();
    new SseEventParser(1 << 20, e -> chunks.add(new JsonObject(e.data()))).feed(out);
    return chunks;
  }

  @Test
  void usageOnTheFinishChunkIsSplitOffWhenTheClientAsked() {
    relay.onEvent(event(TEXT));
    List<JsonObject> atFinish = frames(relay.onEvent(event(FINISH_WITH_USAGE)));
    assertEquals(1, atFinish.size());
    JsonObject finish = atFinish.get(0);
    assertTrue(!finish.containsKey("usage") || finish.getValue("usage") == null, finish.encode());
    assertEquals("stop", finish.getJsonArray("choices").getJsonObject(0).getString("finish_reason"));

    Buffer end = relay.onEvent(event("[DONE]"));
    assertTrue(end.toString().endsWith("data: [DONE]\n\n"), end.toString());
    JsonObject usage = frames(end.getBuffer(0, end.length() - "data: [DONE]\n\n".length())).get(0);
    assertEquals(0, usage.getJsonArray("choices").size());
    assertEquals(10, usage.getJsonObject("usage").getInteger("prompt_tokens"));
    assertEquals("c1", usage.getString("id"));
    assertEquals("chat.completion.chunk", usage.getString("object"));
    assertEquals(10, relay.usage().inputTokens());
  }

  @Test
  void copilotsOwnUsageChunkReplacesTheSplitOneSoThereIsOnlyOne() {
    relay.onEvent(event(TEXT));
    relay.onEvent(event(FINISH_WITH_USAGE));
    String usageOnly = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
        + "\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":2,\"total_tokens\":12}}";
    assertEquals(1, frames(relay.onEvent(event(usageOnly))).size());
    assertEquals("data: [DONE]\n\n", relay.onEvent(event("[DONE]")).toString());
  }

  @Test
  void usageOnTheFinishChunkIsRemovedWhenTheClientDidNotAsk() {
    ChatStreamRelay quiet = new ChatStreamRelay(0, false);
    List<JsonObject> chunks = frames(quiet.onEvent(event(FINISH_WITH_USAGE)));
    assertEquals(1, chunks.size());
    assertTrue(!chunks.get(0).containsKey("usage"), chunks.get(0).encode());
    assertEquals(2, quiet.usage().outputTokens());
  }
}
