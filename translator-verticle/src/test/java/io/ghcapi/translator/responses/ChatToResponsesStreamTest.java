package io.ghcapi.translator.responses;

import static io.ghcapi.translator.responses.ChatChunksForTests.finish;
import static io.ghcapi.translator.responses.ChatChunksForTests.opaque;
import static io.ghcapi.translator.responses.ChatChunksForTests.reasoning;
import static io.ghcapi.translator.responses.ChatChunksForTests.role;
import static io.ghcapi.translator.responses.ChatChunksForTests.text;
import static io.ghcapi.translator.responses.ChatChunksForTests.toolArguments;
import static io.ghcapi.translator.responses.ChatChunksForTests.toolStart;
import static io.ghcapi.translator.responses.ChatChunksForTests.usage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.bus.TokenUsage;
import io.ghcapi.translator.SseBuffer;
import io.ghcapi.translator.StreamError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatToResponsesStreamTest {

  private final SseBuffer out = new SseBuffer();
  private final ChatToResponsesStream stream = new ChatToResponsesStream(out,
      ChatToResponsesResponseTest.context(ChatToResponsesResponseTest.codexLikeRequest()));
  private final StringBuilder written = new StringBuilder();

  private String drain() {
    String text = out.drain().toString();
    written.append(text);
    return text;
  }

  /** The stream so far, checked against the grammar. */
  private List<ResponsesSseGrammar.Event> events() {
    drain();
    List<String> violations = ResponsesSseGrammar.violations(written.toString());
    assertEquals(List.of(), violations, written.toString());
    return ResponsesSseGrammar.parse(written.toString());
  }

  private static List<String> names(List<ResponsesSseGrammar.Event> events) {
    List<String> names = new ArrayList<>();
    events.forEach(event -> names.add(event.name()));
    return names;
  }

  private static List<JsonObject> doneItems(List<ResponsesSseGrammar.Event> events) {
    List<JsonObject> items = new ArrayList<>();
    events.stream().filter(event -> event.name().equals("response.output_item.done"))
        .forEach(event -> items.add(event.data().getJsonObject("item")));
    return items;
  }

  private static JsonObject last(List<ResponsesSseGrammar.Event> events) {
    return events.get(events.size() - 1).data();
  }

  @Test
  void textThenAToolCallGivesTheMinimalValidSequence() {
    stream.chunk(role());
    stream.chunk(text("Listing files"));
    stream.chunk(toolStart(0, "call_1", "shell", ""));
    stream.chunk(toolArguments(0, "{\"cmd\":\"ls\"}"));
    stream.chunk(finish("tool_calls"));
    stream.chunk(usage(100, 12, 0, 0));
    stream.done();

    List<ResponsesSseGrammar.Event> events = events();
    assertEquals(List.of("response.created", "response.in_progress",
        "response.output_item.added", "response.content_part.added", "response.output_text.delta", "response.output_text.done",
        "response.content_part.done", "response.output_item.done",
        "response.output_item.added", "response.function_call_arguments.delta", "response.function_call_arguments.done",
        "response.output_item.done", "response.completed"), names(events));
    JsonObject call = doneItems(events).get(1);
    assertEquals(new JsonObject().put("type", "function_call").put("id", "fc_abc_1").put("call_id", "call_1").put("name", "shell")
        .put("arguments", "{\"cmd\":\"ls\"}").put("status", "completed"), call);
  }

  @Test
  void everyItemIsCompleteInOutputItemDoneAndTheStreamEndsWithCompletedCarryingIdAndUsage() { // E.49
    stream.chunk(text("Hello"));
    stream.chunk(toolStart(0, "call_1", "shell", "{\"cmd\":"));
    stream.chunk(toolArguments(0, "\"ls\"}"));
    stream.chunk(finish("tool_calls"));
    stream.chunk(usage(100, 20, 30, 5));
    stream.done();

    List<ResponsesSseGrammar.Event> events = events();
    List<JsonObject> items = doneItems(events);
    assertEquals("Hello", items.get(0).getJsonArray("content").getJsonObject(0).getString("text"));
    assertEquals("{\"cmd\":\"ls\"}", items.get(1).getString("arguments"));
    JsonObject completed = last(events);
    assertEquals("response.completed", completed.getString("type"));
    JsonObject response = completed.getJsonObject("response");
    assertEquals("resp_abc", response.getString("id"));
    assertEquals(new JsonArray(items), response.getJsonArray("output"));
    assertEquals(100L, response.getJsonObject("usage").getLong("input_tokens"));
    assertEquals(30L, response.getJsonObject("usage").getJsonObject("input_tokens_details").getLong("cached_tokens"));
    assertEquals(5L, response.getJsonObject("usage").getJsonObject("output_tokens_details").getLong("reasoning_tokens"));
    assertEquals(1, events.stream().filter(event -> event.name().equals("response.completed")).count());
  }

  @Test
  void doneBeforeAnyChunkStillGivesExactlyOneTerminalEvent() { // E.50
    stream.done();
    stream.done();

    List<ResponsesSseGrammar.Event> events = events();
    assertEquals(List.of("response.created", "response.in_progress", "response.completed"), names(events));
  }

  @Test
  void anErrorBeforeAnyChunkIsAFailedResponseNotAnEarlyClose() { // E.50
    stream.error(new StreamError(502, "upstream_connection_error", "connection reset"));

    List<ResponsesSseGrammar.Event> events = events();
    assertEquals(List.of("response.created", "response.in_progress", "response.failed"), names(events));
    assertEquals(new JsonObject().put("code", "server_error").put("message", "connection reset"),
        last(events).getJsonObject("response").getJsonObject("error"));
  }

  @Test
  void aContextOverflowFailsWithContextLengthExceeded() { // E.51
    stream.chunk(role());
    stream.error(new StreamError(400, "model_max_prompt_tokens_exceeded", "prompt token count of 130000 exceeds the limit of 128000"));

    JsonObject response = last(events()).getJsonObject("response");
    assertEquals("failed", response.getString("status"));
    assertEquals("context_length_exceeded", response.getJsonObject("error").getString("code"));
    assertEquals("prompt token count of 130000 exceeds the limit of 128000", response.getJsonObject("error").getString("message"));
  }

  @Test
  void errorCodesFollowWhatCodexDistinguishes() {
    assertEquals("context_length_exceeded", UpstreamErrors.responsesCode(new StreamError(400, "context_length_exceeded", "x")));
    assertEquals("rate_limit_exceeded", UpstreamErrors.responsesCode(new StreamError(429, null, "try again in 1.5s")));
    assertEquals("insufficient_quota", UpstreamErrors.responsesCode(new StreamError(429, "insufficient_quota", "x")));
    assertEquals("server_error", UpstreamErrors.responsesCode(new StreamError(500, null, "x")));
  }

  @Test
  void theTerminalEventWaitsForTheUsageChunkAfterTheFinish() {
    stream.chunk(text("Two."));
    stream.chunk(finish("stop"));
    assertFalse(drain().contains("response.completed"));

    stream.chunk(usage(120, 5, 30, 0));
    assertTrue(drain().contains("response.completed"));
    stream.done();

    JsonObject usage = last(events()).getJsonObject("response").getJsonObject("usage");
    assertEquals(120L, usage.getLong("input_tokens"));
    assertEquals(5L, usage.getLong("output_tokens"));
  }

  @Test
  void usageInTheFinishChunkCompletesAtOnce() {
    stream.chunk(text("Hi"));
    stream.chunk(finish("stop").put("usage", ChatChunksForTests.chatUsage(10, 5, 0, 0)));

    assertTrue(drain().contains("response.completed"));
    assertEquals(15L, last(events()).getJsonObject("response").getJsonObject("usage").getLong("total_tokens"));
  }

  @Test
  void lengthEndsWithResponseIncompleteAndAnIncompleteLastItem() {
    stream.chunk(text("Half an ans"));
    stream.chunk(finish("length"));
    stream.chunk(usage(10, 100, 0, 0));
    stream.done();

    List<ResponsesSseGrammar.Event> events = events();
    JsonObject response = last(events).getJsonObject("response");
    assertEquals("response.incomplete", last(events).getString("type"));
    assertEquals("incomplete", response.getString("status"));
    assertEquals("max_output_tokens", response.getJsonObject("incomplete_details").getString("reason"));
    assertEquals("incomplete", doneItems(events).get(0).getString("status"));
  }

  @Test
  void contentFilterEndsWithResponseIncomplete() {
    stream.chunk(role());
    stream.chunk(finish("content_filter"));
    stream.done();

    JsonObject response = last(events()).getJsonObject("response");
    assertEquals("content_filter", response.getJsonObject("incomplete_details").getString("reason"));
  }

  @Test
  void reasoningDeltasBecomeAReasoningItemWithSummaryAndEncryptedContent() {
    stream.chunk(reasoning("Let me "));
    stream.chunk(reasoning("think."));
    stream.chunk(opaque("enc-1"));
    stream.chunk(text("Done."));
    stream.chunk(finish("stop"));
    stream.done();

    List<ResponsesSseGrammar.Event> events = events();
    assertEquals(List.of("response.created", "response.in_progress",
        "response.output_item.added", "response.reasoning_summary_part.added", "response.reasoning_summary_text.delta",
        "response.reasoning_summary_text.delta", "response.reasoning_summary_text.done", "response.reasoning_summary_part.done",
        "response.output_item.done",
        "response.output_item.added", "response.content_part.added", "response.output_text.delta", "response.output_text.done",
        "response.content_part.done", "response.output_item.done", "response.completed"), names(events));
    assertEquals(new JsonObject().put("type", "reasoning").put("id", "rs_abc_0")
        .put("summary", new JsonArray().add(new JsonObject().put("type", "summary_text").put("text", "Let me think.")))
        .put("encrypted_content", "enc-1"), doneItems(events).get(0));
    assertEquals(0, events.get(4).data().getInteger("summary_index"));
  }

  @Test
  void reasoningWithOnlyAnOpaqueStateIsAnItemWithAnEmptySummary() {
    stream.chunk(opaque("enc-only"));
    stream.chunk(text("Hi"));
    stream.done();

    JsonObject item = doneItems(events()).get(0);
    assertEquals(new JsonArray(), item.getJsonArray("summary"));
    assertEquals("enc-only", item.getString("encrypted_content"));
  }

  @Test
  void itemsNeverInterleaveEvenWhenParallelCallFragmentsDo() {
    stream.chunk(toolStart(0, "call_a", "shell", "{\"cmd\":"));
    stream.chunk(toolStart(1, "call_b", "shell", "{\"cmd\":"));
    stream.chunk(toolArguments(0, "\"ls\"}"));
    stream.chunk(toolArguments(1, "\"pwd\"}"));
    stream.chunk(finish("tool_calls"));
    stream.done();

    List<JsonObject> items = doneItems(events());
    assertEquals("{\"cmd\":\"ls\"}", items.get(0).getString("arguments"));
    assertEquals("call_b", items.get(1).getString("call_id"));
    assertEquals("{\"cmd\":\"pwd\"}", items.get(1).getString("arguments"));
  }

  @Test
  void aNewIdOnTheSameIndexIsANewCall() {
    stream.chunk(toolStart(0, "call_a", "shell", "{}"));
    stream.chunk(toolStart(0, "call_b", "shell", "{}"));
    stream.chunk(finish("tool_calls"));
    stream.done();

    List<JsonObject> items = doneItems(events());
    assertEquals(2, items.size());
    assertEquals("call_b", items.get(1).getString("call_id"));
  }

  @Test
  void textAfterAToolCallOpensANewMessageItem() {
    stream.chunk(toolStart(0, "call_a", "shell", "{}"));
    stream.chunk(text("and then"));
    stream.chunk(toolStart(0, "call_b", "shell", "{}"));
    stream.chunk(finish("tool_calls"));
    stream.done();

    List<JsonObject> items = doneItems(events());
    assertEquals(List.of("function_call", "message", "function_call"),
        items.stream().map(item -> item.getString("type")).toList());
  }

  @Test
  void aCustomToolCallStreamsItsRawInputWhenItCloses() {
    stream.chunk(toolStart(0, "call_p", "apply_patch", "{\"input\":\"*** Begin"));
    stream.chunk(toolArguments(0, " Patch\"}"));
    stream.chunk(finish("tool_calls"));
    stream.done();

    List<ResponsesSseGrammar.Event> events = events();
    assertTrue(names(events).containsAll(List.of("response.custom_tool_call_input.delta", "response.custom_tool_call_input.done")));
    assertFalse(names(events).contains("response.function_call_arguments.delta"));
    assertEquals(new JsonObject().put("type", "custom_tool_call").put("id", "ctc_abc_0").put("call_id", "call_p")
        .put("name", "apply_patch").put("input", "*** Begin Patch"), doneItems(events).get(0));
  }

  @Test
  void aRefusalIsItsOwnContentPart() {
    stream.chunk(text("Sorry: "));
    stream.chunk(ChatChunksForTests.delta(new JsonObject().put("refusal", "I can't help with that.")));
    stream.done();

    JsonArray content = doneItems(events()).get(0).getJsonArray("content");
    assertEquals("output_text", content.getJsonObject(0).getString("type"));
    assertEquals(new JsonObject().put("type", "refusal").put("refusal", "I can't help with that."), content.getJsonObject(1));
  }

  @Test
  void aFailureMidToolCallLeavesTheCallOpenSoTheClientNeverRunsHalfArguments() {
    stream.chunk(text("Running"));
    stream.chunk(toolStart(0, "call_1", "shell", "{\"cmd\":\"rm -"));
    stream.error(new StreamError(502, "upstream_connection_error", "reset"));

    List<ResponsesSseGrammar.Event> events = events();
    assertEquals(1, doneItems(events).size());
    JsonObject response = last(events).getJsonObject("response");
    assertEquals("response.failed", last(events).getString("type"));
    assertEquals(1, response.getJsonArray("output").size());
  }

  @Test
  void aFailureAfterTheFinishOnlyLostTheUsageAndStillCompletes() {
    stream.chunk(text("Whole answer"));
    stream.chunk(finish("stop"));
    stream.error(new StreamError(502, "upstream_connection_error", "closed before [DONE]"));

    assertEquals("response.completed", last(events()).getString("type"));
  }

  @Test
  void nothingIsWrittenAfterTheTerminalEvent() {
    stream.chunk(text("Hi"));
    stream.chunk(finish("stop").put("usage", ChatChunksForTests.chatUsage(1, 1, 0, 0)));
    drain();
    stream.chunk(text("late"));
    stream.error(new StreamError(500, null, "late"));
    stream.done();

    assertEquals("", drain());
    events();
  }

  @Test
  void usageIsReportedWithCachedTokensOutsideInputTokens() {
    assertEquals(TokenUsage.NONE, stream.usage());
    stream.chunk(text("Hi"));
    stream.chunk(finish("stop"));
    stream.chunk(usage(100, 20, 30, 5));

    assertEquals(new TokenUsage(70, 20, 0, 30), stream.usage());
    events();
  }

  @Test
  void theFinalResponseIsKeptForTheHistory() {
    assertEquals("in_progress", stream.response().getString("status"));
    stream.chunk(text("Hi"));
    stream.chunk(finish("stop"));
    stream.done();

    JsonObject response = stream.response();
    assertEquals("completed", response.getString("status"));
    assertEquals(last(events()).getJsonObject("response"), response);
    assertNull(response.getValue("_truncated"));
  }

  @Test
  void theKeptResponseTextIsCappedAtOneMebiChar() {
    String big = "x".repeat(TextCap.MAX_CHARS - 10);
    stream.chunk(reasoning("0123456789"));
    stream.chunk(text(big));
    stream.chunk(text("and more than the cap"));
    stream.done();

    JsonObject kept = stream.response();
    assertEquals(true, kept.getValue("_truncated"));
    String keptText = kept.getJsonArray("output").getJsonObject(1).getJsonArray("content").getJsonObject(0).getString("text");
    assertTrue(keptText.length() < big.length());
    assertEquals(big + "and more than the cap",
        last(events()).getJsonObject("response").getJsonArray("output").getJsonObject(1).getJsonArray("content").getJsonObject(0)
            .getString("text"));
  }
}
