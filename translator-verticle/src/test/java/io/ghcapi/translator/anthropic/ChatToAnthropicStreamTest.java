package io.ghcapi.translator.anthropic;

import static io.ghcapi.translator.anthropic.Chunks.delta;
import static io.ghcapi.translator.anthropic.Chunks.finish;
import static io.ghcapi.translator.anthropic.Chunks.reasoning;
import static io.ghcapi.translator.anthropic.Chunks.role;
import static io.ghcapi.translator.anthropic.Chunks.signature;
import static io.ghcapi.translator.anthropic.Chunks.text;
import static io.ghcapi.translator.anthropic.Chunks.toolArguments;
import static io.ghcapi.translator.anthropic.Chunks.toolArgumentsFragment;
import static io.ghcapi.translator.anthropic.Chunks.toolStart;
import static io.ghcapi.translator.anthropic.Chunks.toolStartFragment;
import static io.ghcapi.translator.anthropic.Chunks.usage;
import static io.ghcapi.translator.anthropic.Chunks.usageOnly;
import static io.ghcapi.translator.anthropic.Chunks.withUsage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.bus.TokenUsage;
import io.ghcapi.translator.StreamError;
import io.ghcapi.translator.ToolNames;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Chat stream → Anthropic SSE: vectors E.35–E.47 and the D.3 state machine. Every stream is checked
 * against {@link AnthropicSseGrammar} before its events are looked at.
 */
class ChatToAnthropicStreamTest {

  @Test
  void e35_textStream() {
    StreamRun run = new StreamRun().chunks(role(), text("Hello"), text(" there"), finish("stop")).done();
    assertEquals(List.of("message_start", "ping", "content_block_start", "content_block_delta", "content_block_delta",
        "content_block_stop", "message_delta", "message_stop"), run.events().stream().map(SseEvent::name).toList());
    assertEquals(List.of("message_start", "content_block_start(0,text)", "text_delta(Hello)", "text_delta( there)",
        "content_block_stop(0)", "message_delta(end_turn)", "message_stop"), run.briefs());
    JsonObject message = run.events().get(0).data().getJsonObject("message");
    assertEquals("msg_test", message.getString("id"));
    assertEquals("claude-sonnet-4-5", message.getString("model"));
    assertEquals(new JsonArray(), message.getJsonArray("content"));
  }

  @Test
  void e36_toolStreamWithSplitArguments() {
    StreamRun run = new StreamRun().chunks(role(), toolStart(0, "call_xyz", "get_weather", ""),
        toolArguments(0, "{\"loc"), toolArguments(0, "ation\": \"Paris\"}"), finish("tool_calls")).done();
    assertEquals(List.of("message_start", "content_block_start(0,tool_use)", "input_json_delta({\"loc)",
        "input_json_delta(ation\": \"Paris\"})", "content_block_stop(0)", "message_delta(tool_use)", "message_stop"), run.briefs());
    assertEquals(new JsonObject("{\"type\":\"tool_use\",\"id\":\"call_xyz\",\"name\":\"get_weather\",\"input\":{}}"),
        run.named("content_block_start").get(0).data().getJsonObject("content_block"));
    assertEquals(new JsonObject().put("location", "Paris"), new JsonObject(run.joined(0, "input_json_delta", "partial_json")));
  }

  @Test
  void e37_argumentOnlyFragment() {
    JsonObject fragment = new JsonObject().put("index", 0).put("id", (String) null)
        .put("function", new JsonObject().put("arguments", ": \"San "));
    StreamRun run = new StreamRun().chunks(toolStart(0, "call_1", "get_weather", "{\"location\""),
        delta(new JsonObject().put("tool_calls", new JsonArray().add(fragment))), toolArguments(0, "Francisco\"}"),
        finish("tool_calls")).done();
    assertTrue(run.briefs().contains("input_json_delta(: \"San )"), run.briefs().toString());
    assertEquals("San Francisco", new JsonObject(run.joined(0, "input_json_delta", "partial_json")).getString("location"));
  }

  @Test
  void e38_nameAndFullArgumentsInOneChunkAfterText() {
    StreamRun run = new StreamRun().chunks(role(), text("Let me check"),
        toolStart(0, "call_t", "get_weather", "{\"city\": \"Tokyo\"}"), finish("tool_calls")).done();
    assertEquals(List.of("message_start", "content_block_start(0,text)", "text_delta(Let me check)", "content_block_stop(0)",
        "content_block_start(1,tool_use)", "input_json_delta({\"city\": \"Tokyo\"})", "content_block_stop(1)",
        "message_delta(tool_use)", "message_stop"), run.briefs());
    assertEquals(new JsonObject().put("city", "Tokyo"), new JsonObject(run.joined(1, "input_json_delta", "partial_json")));
  }

  @Test
  void e39_textAndToolCallInTheSameDeltaTextFirst() {
    JsonObject both = delta(new JsonObject().put("content", "Here is some text…").put("tool_calls",
        new JsonArray().add(toolStartFragment(0, "toolu_bdrk_013xyz", "Bash", "{\"cmd\": \"init\"}"))));
    StreamRun run = new StreamRun().chunks(role(), both, finish("tool_calls")).done();
    assertEquals(List.of("message_start", "content_block_start(0,text)", "text_delta(Here is some text…)", "content_block_stop(0)",
        "content_block_start(1,tool_use)", "input_json_delta({\"cmd\": \"init\"})", "content_block_stop(1)",
        "message_delta(tool_use)", "message_stop"), run.briefs());
    JsonObject toolBlock = run.named("content_block_start").get(1).data().getJsonObject("content_block");
    assertEquals("toolu_bdrk_013xyz", toolBlock.getString("id"));
    assertEquals("Bash", toolBlock.getString("name"));
  }

  @Test
  void e40_emptyToolCallListIsIgnored() {
    StreamRun run = new StreamRun().chunks(
        delta(new JsonObject().put("content", "Hello from vLLM").put("tool_calls", new JsonArray())), finish("stop")).done();
    assertEquals(new JsonObject().put("type", "text").put("text", ""),
        run.named("content_block_start").get(0).data().getJsonObject("content_block"));
    assertEquals(List.of("message_start", "content_block_start(0,text)", "text_delta(Hello from vLLM)", "content_block_stop(0)",
        "message_delta(end_turn)", "message_stop"), run.briefs());
  }

  @Test
  void e41_twoSequentialToolCalls() {
    StreamRun run = new StreamRun().chunks(role(),
        toolStart(0, "tooluse_foo", "get_weather", ""), toolArguments(0, "{\"city\":"), toolArguments(0, " \"Paris\"}"),
        toolStart(1, "tooluse_bar", "get_weather", ""), toolArguments(1, "{\"city\":"), toolArguments(1, " \"Tokyo\"}"),
        withUsage(finish("stop"), usage(230, 65)));
    assertEquals(List.of("message_start",
        "content_block_start(0,tool_use)", "input_json_delta({\"city\":)", "input_json_delta( \"Paris\"})", "content_block_stop(0)",
        "content_block_start(1,tool_use)", "input_json_delta({\"city\":)", "input_json_delta( \"Tokyo\"})", "content_block_stop(1)",
        "message_delta(tool_use)", "message_stop"), run.briefs());
    JsonObject usage = run.messageDelta().getJsonObject("usage");
    assertEquals(230, usage.getInteger("input_tokens"));
    assertEquals(65, usage.getInteger("output_tokens"));
  }

  @Test
  void e42_interleavedTextAndTools() {
    StreamRun run = new StreamRun().chunks(role(),
        toolStart(0, "t1", "read", "{\"path\":\"a\"}"),
        text("Read a. "),
        toolStart(1, "t2", "read", "{\"path\":\"b\"}"),
        toolStart(2, "t3", "read", "{\"path\":\"c\"}"),
        text("All read."),
        finish("tool_calls")).done();
    assertEquals(List.of("message_start",
        "content_block_start(0,tool_use)", "input_json_delta({\"path\":\"a\"})", "content_block_stop(0)",
        "content_block_start(1,text)", "text_delta(Read a. )", "content_block_stop(1)",
        "content_block_start(2,tool_use)", "input_json_delta({\"path\":\"b\"})", "content_block_stop(2)",
        "content_block_start(3,tool_use)", "input_json_delta({\"path\":\"c\"})", "content_block_stop(3)",
        "content_block_start(4,text)", "text_delta(All read.)", "content_block_stop(4)",
        "message_delta(tool_use)", "message_stop"), run.briefs());
  }

  @Test
  void e43_toolCallButFinishStopIsToolUse() {
    StreamRun run = new StreamRun().chunks(toolStart(0, "call_1", "ls", "{}"), finish("stop")).done();
    assertEquals("tool_use", run.messageDelta().getJsonObject("delta").getString("stop_reason"));
  }

  @ParameterizedTest
  @CsvSource({"content_filter,refusal", "stop,end_turn", "length,max_tokens"})
  void e44_finishWithoutText(String finishReason, String stopReason) {
    StreamRun run = new StreamRun().chunks(role(), withUsage(finish(finishReason),
        new JsonObject().put("prompt_tokens", 12).put("completion_tokens", 0)));
    List<SseEvent> events = run.events();
    assertEquals(stopReason, run.messageDelta().getJsonObject("delta").getString("stop_reason"));
    assertEquals(12, run.messageDelta().getJsonObject("usage").getInteger("input_tokens"));
    assertEquals("message_stop", events.get(events.size() - 1).name());
    assertTrue(run.named("content_block_start").isEmpty());
  }

  @Test
  void e45_messageStartUsageHasCacheKeysAndThereIsOneMessageStop() {
    StreamRun run = new StreamRun().chunks(role(), text("hi"), withUsage(finish("stop"), usage(10, 1))).done().done();
    assertEquals(new JsonObject("""
        {"input_tokens":0,"output_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0}"""),
        run.events().get(0).data().getJsonObject("message").getJsonObject("usage"));
    assertEquals(1, run.named("message_stop").size());
  }

  @Test
  void e46_heldStopWaitsForTheDelayedUsage() {
    StreamRun run = new StreamRun().chunks(role(), text("Two."), finish("stop"));
    assertTrue(run.sse().contains("content_block_stop"));
    assertFalse(run.sse().contains("message_delta"), "the message_delta waits for the usage");
    run.chunks(withUsage(delta(new JsonObject()), usage(120, 5, 30, 20)));
    assertEquals(new JsonObject("""
        {"input_tokens":70,"output_tokens":5,"cache_creation_input_tokens":20,"cache_read_input_tokens":30}"""),
        run.messageDelta().getJsonObject("usage"));
  }

  @Test
  void e46_usageInAChoicelessChunkThenDone() {
    StreamRun run = new StreamRun().chunks(role(), text("Two."), finish("stop"), usageOnly(usage(120, 5, 30, 20))).done();
    assertEquals(70, run.messageDelta().getJsonObject("usage").getInteger("input_tokens"));
    assertEquals(1, run.named("message_delta").size());
    assertFalse(run.sse().contains("[DONE]"));
    List<SseEvent> events = run.events();
    assertEquals("message_stop", events.get(events.size() - 1).name());
  }

  @Test
  void e46a_contentFinishAndUsageInOneChunk() {
    JsonObject chunk = withUsage(delta(new JsonObject().put("content", "Hello, the answer is 2.")), usage(10, 5));
    chunk.getJsonArray("choices").getJsonObject(0).put("finish_reason", "stop");
    StreamRun run = new StreamRun().chunks(chunk);
    assertEquals(List.of("message_start", "content_block_start(0,text)", "text_delta(Hello, the answer is 2.)",
        "content_block_stop(0)", "message_delta(end_turn)", "message_stop"), run.briefs());
    assertEquals(5, run.messageDelta().getJsonObject("usage").getInteger("output_tokens"));
    assertEquals(10, run.messageDelta().getJsonObject("usage").getInteger("input_tokens"));
  }

  @Test
  void e46b_reasoningAndTextInOneBoundaryChunk() {
    StreamRun run = new StreamRun().chunks(
        delta(new JsonObject().put("reasoning_content", "Let me think.")),
        delta(new JsonObject().put("reasoning_content", "\n").put("content", "Hi there!")),
        finish("stop")).done();
    assertEquals("Let me think.\n", run.joined(0, "thinking_delta", "thinking"));
    assertEquals("Hi there!", run.joined(1, "text_delta", "text"));
    assertEquals(List.of("thinking", "text"), run.named("content_block_start").stream()
        .map(e -> e.data().getJsonObject("content_block").getString("type")).toList());
  }

  @Test
  void e47_reasoningTextAloneOpensAThinkingBlock() {
    StreamRun run = new StreamRun().chunks(reasoning("Pondering"), finish("stop")).done();
    assertEquals(new JsonObject().put("type", "thinking").put("thinking", "").put("signature", ""),
        run.named("content_block_start").get(0).data().getJsonObject("content_block"));
    assertEquals(List.of("message_start", "content_block_start(0,thinking)", "thinking_delta(Pondering)",
        "content_block_stop(0)", "message_delta(end_turn)", "message_stop"), run.briefs());
  }

  @Test
  void e47_signatureAloneIsASignatureDelta() {
    StreamRun run = new StreamRun().chunks(reasoning("Pondering"), signature("sigsig"), text("Answer"), finish("stop")).done();
    assertEquals(List.of("message_start", "content_block_start(0,thinking)", "thinking_delta(Pondering)",
        "signature_delta(sigsig)", "content_block_stop(0)", "content_block_start(1,text)", "text_delta(Answer)",
        "content_block_stop(1)", "message_delta(end_turn)", "message_stop"), run.briefs());
  }

  @Test
  void e47_thinkingAndSignatureInOneChunkGiveOneThinkingTextAndOneSignature() {
    StreamRun run = new StreamRun().chunks(
        delta(new JsonObject().put("reasoning_text", "I need to summar").put("reasoning_opaque", "sigsig")),
        finish("stop")).done();
    assertEquals(List.of("message_start", "content_block_start(0,thinking)", "thinking_delta(I need to summar)",
        "signature_delta(sigsig)", "content_block_stop(0)", "message_delta(end_turn)", "message_stop"), run.briefs());
  }

  @Test
  void e47_reasoningContentIsThinkingNotText() {
    StreamRun run = new StreamRun().chunks(delta(new JsonObject().put("reasoning_content", "hmm")), finish("stop")).done();
    assertEquals("thinking", run.named("content_block_start").get(0).data().getJsonObject("content_block").getString("type"));
    assertEquals("", run.joined(0, "text_delta", "text"));
  }

  @Test
  void opaqueArrivingWithTheFirstTextClosesTheThinkingBlockWithIt() {
    StreamRun run = new StreamRun().chunks(reasoning("a"), reasoning("b"),
        delta(new JsonObject().put("reasoning_opaque", "OPAQUE").put("content", "Hi")), finish("stop")).done();
    assertEquals(List.of("message_start", "content_block_start(0,thinking)", "thinking_delta(a)", "thinking_delta(b)",
        "signature_delta(OPAQUE)", "content_block_stop(0)", "content_block_start(1,text)", "text_delta(Hi)",
        "content_block_stop(1)", "message_delta(end_turn)", "message_stop"), run.briefs());
  }

  @Test
  void opaqueSplitAcrossChunksIsOneSignature() {
    StreamRun run = new StreamRun().chunks(reasoning("a"), signature("PART1"), signature("PART2"), finish("stop")).done();
    assertEquals("PART1PART2", run.joined(0, "signature_delta", "signature"));
    assertEquals(1, run.events().stream().filter(e -> "signature_delta".equals(e.deltaType())).count());
  }

  @Test
  void opaqueArrivingWhileAToolBlockIsOpenGetsItsOwnThinkingBlockAtTheEnd() {
    StreamRun run = new StreamRun().chunks(toolStart(0, "t1", "read", "{\"pa"),
        delta(new JsonObject().put("reasoning_opaque", "LATE").put("tool_calls",
            new JsonArray().add(toolArgumentsFragment(0, "th\":\"x\"}")))),
        finish("tool_calls")).done();
    assertEquals(List.of("message_start", "content_block_start(0,tool_use)", "input_json_delta({\"pa)",
        "input_json_delta(th\":\"x\"})", "content_block_stop(0)", "content_block_start(1,thinking)", "signature_delta(LATE)",
        "content_block_stop(1)", "message_delta(tool_use)", "message_stop"), run.briefs());
  }

  @Test
  void interleavedParallelCallsAreHeldAndSentWhole() {
    JsonObject bothStart = delta(new JsonObject().put("tool_calls", new JsonArray()
        .add(toolStartFragment(0, "call_a", "read", "")).add(toolStartFragment(1, "call_b", "write", ""))));
    StreamRun run = new StreamRun().chunks(bothStart,
        toolArguments(0, "{\"path\":"), toolArguments(1, "{\"path\":\"b\","), toolArguments(0, "\"a\"}"),
        toolArguments(1, "\"text\":\"hi\"}"), finish("tool_calls")).done();
    assertEquals(List.of("message_start",
        "content_block_start(0,tool_use)", "input_json_delta({\"path\":)", "input_json_delta(\"a\"})", "content_block_stop(0)",
        "content_block_start(1,tool_use)", "input_json_delta({\"path\":\"b\",\"text\":\"hi\"})", "content_block_stop(1)",
        "message_delta(tool_use)", "message_stop"), run.briefs());
    assertEquals("write", run.named("content_block_start").get(1).data().getJsonObject("content_block").getString("name"));
  }

  @Test
  void idAndNameInSeparateFragmentsStartTheCallOnceBothAreKnown() {
    JsonObject idOnly = new JsonObject().put("index", 0).put("id", "call_1").put("function", new JsonObject().put("arguments", ""));
    JsonObject nameOnly = new JsonObject().put("index", 0).put("function", new JsonObject().put("name", "read").put("arguments", "{\"a\":"));
    StreamRun run = new StreamRun().chunks(
        delta(new JsonObject().put("tool_calls", new JsonArray().add(idOnly))),
        delta(new JsonObject().put("tool_calls", new JsonArray().add(nameOnly))),
        toolArguments(0, "1}"), finish("tool_calls")).done();
    assertEquals(List.of("message_start", "content_block_start(0,tool_use)", "input_json_delta({\"a\":)", "input_json_delta(1})",
        "content_block_stop(0)", "message_delta(tool_use)", "message_stop"), run.briefs());
    assertEquals("call_1", run.named("content_block_start").get(0).data().getJsonObject("content_block").getString("id"));
  }

  @Test
  void aCallThatNeverGetsANameIsStillSentAtTheEnd() {
    StreamRun run = new StreamRun().chunks(toolArguments(3, "{\"x\":1}"), finish("tool_calls")).done();
    JsonObject block = run.named("content_block_start").get(0).data().getJsonObject("content_block");
    assertEquals(MessageTranslator.UNNAMED_TOOL, block.getString("name"));
    assertEquals("{\"x\":1}", run.joined(0, "input_json_delta", "partial_json"));
  }

  @Test
  void aToolWithoutArgumentsGetsAnEmptyObject() {
    StreamRun run = new StreamRun().chunks(toolStart(0, "call_1", "now", ""), finish("tool_calls")).done();
    assertEquals("{}", run.joined(0, "input_json_delta", "partial_json"));
  }

  @Test
  void toolNamesAreRestoredAndIdsNormalised() {
    ToolNames names = new ToolNames();
    String longName = "mcp__server__" + "x".repeat(70);
    String sent = names.outgoing(longName);
    StreamRun run = new StreamRun(names).chunks(toolStart(0, "functions.Bash:0", sent, "{}"), finish("tool_calls")).done();
    JsonObject block = run.named("content_block_start").get(0).data().getJsonObject("content_block");
    assertEquals(longName, block.getString("name"));
    assertEquals("functions_Bash_0", block.getString("id"));
  }

  @Test
  void copilotsTwoChoicesAreOneMessage() {
    JsonObject twoChoices = new JsonObject().put("choices", new JsonArray()
        .add(new JsonObject().put("index", 0).put("delta", new JsonObject().put("content", "Listing files.")))
        .add(new JsonObject().put("index", 1).put("delta", new JsonObject().put("tool_calls",
            new JsonArray().add(toolStartFragment(0, "toolu_1", "Bash", "{\"command\":\"ls\"}"))))));
    StreamRun run = new StreamRun().chunks(twoChoices, finish("tool_calls")).done();
    assertEquals(List.of("message_start", "content_block_start(0,text)", "text_delta(Listing files.)", "content_block_stop(0)",
        "content_block_start(1,tool_use)", "input_json_delta({\"command\":\"ls\"})", "content_block_stop(1)",
        "message_delta(tool_use)", "message_stop"), run.briefs());
  }

  @Test
  void refusalDeltaIsTextWithStopReasonRefusal() {
    StreamRun run = new StreamRun().chunks(delta(new JsonObject().put("refusal", "I can't help with that.")), finish("stop")).done();
    assertEquals("I can't help with that.", run.joined(0, "text_delta", "text"));
    assertEquals("refusal", run.messageDelta().getJsonObject("delta").getString("stop_reason"));
  }

  @Test
  void usageBeforeTheFinishDoesNotEndTheStream() {
    StreamRun run = new StreamRun().chunks(
        withUsage(delta(new JsonObject().put("refusal", "I can't")), usage(3, 1)),
        withUsage(text(" do that."), usage(3, 2)));
    assertFalse(run.sse().contains("message_delta"));
    run.chunks(withUsage(finish("stop"), usage(3, 3)));
    assertEquals("refusal", run.messageDelta().getJsonObject("delta").getString("stop_reason"));
    assertEquals(3, run.messageDelta().getJsonObject("usage").getInteger("output_tokens"));
  }

  @Test
  void e47_signatureWithoutReasoningTextIsAThinkingBlockOfItsOwn() {
    StreamRun run = new StreamRun().chunks(signature("sigsig"), text("Answer"), finish("stop")).done();
    assertEquals(List.of("message_start", "content_block_start(0,thinking)", "signature_delta(sigsig)",
        "content_block_stop(0)", "content_block_start(1,text)", "text_delta(Answer)", "content_block_stop(1)",
        "message_delta(end_turn)", "message_stop"), run.briefs());
  }

  @Test
  void doneBeforeAnyChunkIsStillAWholeMessage() {
    StreamRun run = new StreamRun().done();
    assertEquals(List.of("message_start", "message_delta(end_turn)", "message_stop"), run.briefs());
  }

  @Test
  void doneWithoutAFinishClosesTheOpenBlock() {
    StreamRun run = new StreamRun().chunks(role(), text("partial answ")).done();
    assertEquals(List.of("message_start", "content_block_start(0,text)", "text_delta(partial answ)", "content_block_stop(0)",
        "message_delta(end_turn)", "message_stop"), run.briefs());
  }

  @Test
  void errorBeforeAnyChunkIsALoneErrorEvent() {
    StreamRun run = new StreamRun().error(new StreamError(502, "upstream_connection_error", "Connection reset"));
    List<SseEvent> events = run.events();
    assertEquals(1, events.size());
    assertEquals(new JsonObject("{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Connection reset\"}}"),
        events.get(0).data());
  }

  @Test
  void errorMidStreamEndsTheStream() {
    StreamRun run = new StreamRun().chunks(role(), text("Hel"))
        .error(new StreamError(429, "rate_limit_exceeded", "Slow down"))
        .chunks(text("lo"), finish("stop")).done();
    List<SseEvent> events = run.events();
    SseEvent last = events.get(events.size() - 1);
    assertEquals("error", last.name());
    assertEquals("rate_limit_error", last.data().getJsonObject("error").getString("type"));
    assertFalse(run.sse().contains("message_delta"));
    assertFalse(run.sse().contains("\"stop_reason\":\"error\""));
  }

  @ParameterizedTest
  @CsvSource({"400,invalid_request_error", "401,authentication_error", "403,permission_error", "404,not_found_error",
      "413,request_too_large", "429,rate_limit_error", "500,api_error", "502,api_error", "503,overloaded_error",
      "504,timeout_error", "529,overloaded_error"})
  void streamErrorTypes(int status, String type) {
    StreamRun run = new StreamRun().chunks(role()).error(new StreamError(status, null, "failed"));
    assertEquals(type, run.named("error").get(0).data().getJsonObject("error").getString("type"));
  }

  @Test
  void errorWithoutAMessageStillSaysSomething() {
    StreamRun run = new StreamRun().error(new StreamError(504, null, null));
    assertEquals("Upstream stream failed (HTTP 504)", run.named("error").get(0).data().getJsonObject("error").getString("message"));
  }

  @Test
  void nothingFollowsMessageStop() {
    StreamRun run = new StreamRun().chunks(text("a"), withUsage(finish("stop"), usage(1, 1)));
    String complete = run.sse();
    run.chunks(text("more"), usageOnly(usage(5, 5))).done().error(new StreamError(500, null, "late"));
    assertEquals(complete, run.sse());
  }

  @Test
  void usageIsTheLastReportedInTheOneAccountingModel() {
    StreamRun run = new StreamRun();
    assertEquals(TokenUsage.NONE, run.stream.usage());
    run.chunks(text("x"), finish("stop"), usageOnly(usage(120, 5, 30, 20)));
    assertEquals(new TokenUsage(70, 5, 20, 30), run.stream.usage());
  }

  @Test
  void messageIsTheWholeAnswer() {
    StreamRun run = new StreamRun().chunks(reasoning("Think."), signature("SIG"), text("Hello "), text("world"),
        toolStart(0, "call_1", "read", "{\"path\":"), toolArguments(0, "\"a\"}"), finish("tool_calls"),
        usageOnly(usage(100, 20, 40, 0)));
    run.events();
    assertEquals(new JsonObject("""
        {"id":"msg_test","type":"message","role":"assistant","model":"claude-sonnet-4-5",
         "content":[{"type":"thinking","thinking":"Think.","signature":"SIG"},
                    {"type":"text","text":"Hello world"},
                    {"type":"tool_use","id":"call_1","name":"read","input":{"path":"a"}}],
         "stop_reason":"tool_use","stop_sequence":null,
         "usage":{"input_tokens":60,"output_tokens":20,"cache_creation_input_tokens":0,"cache_read_input_tokens":40}}"""),
        run.stream.message());
  }

  @Test
  void messageKeepsAtMostOneMebibyteOfText() {
    String piece = "x".repeat(64 * 1024);
    StreamRun run = new StreamRun();
    for (int i = 0; i < 20; i++) {
      run.chunks(text(piece));
    }
    run.chunks(finish("stop")).done();
    JsonObject message = run.stream.message();
    assertEquals(StreamedMessage.TEXT_LIMIT, message.getJsonArray("content").getJsonObject(0).getString("text").length());
    assertEquals(true, message.getBoolean("_truncated"));
    assertEquals(20 * piece.length(), run.joined(0, "text_delta", "text").length(), "the client still gets everything");
  }

  @Test
  void emptyAndNullContentOpenNoBlock() {
    StreamRun run = new StreamRun().chunks(role(), delta(new JsonObject().putNull("content")), text(""), finish("stop")).done();
    assertTrue(run.named("content_block_start").isEmpty());
  }
}
