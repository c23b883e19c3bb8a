package io.ghcapi.translator.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.translator.StreamError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponsesToChatStreamTest {

  private final ChatChunkRecorder sink = new ChatChunkRecorder();
  private final ResponsesToChatStream stream = new ResponsesToChatStream(sink, "gpt-5-codex-requested");

  @Test
  void textBecomesContentDeltasAfterARoleChunkThenFinishUsageAndDone() {
    new UpstreamResponsesEvents().created().message("Hel", "lo").completed(UpstreamResponsesEvents.usage(100, 30, 20, 5)).feed(stream);

    assertEquals(new JsonObject().put("role", "assistant").put("content", ""), sink.deltas().get(0));
    assertEquals("Hello", sink.joined("content"));
    assertEquals("stop", sink.finishReason());
    JsonObject last = sink.chunks.get(sink.chunks.size() - 1);
    assertEquals(new JsonArray(), last.getJsonArray("choices"));
    assertEquals(new JsonObject().put("prompt_tokens", 100L).put("completion_tokens", 20L).put("total_tokens", 120L)
        .put("prompt_tokens_details", new JsonObject().put("cached_tokens", 30L))
        .put("completion_tokens_details", new JsonObject().put("reasoning_tokens", 5L)), last.getJsonObject("usage"));
    assertEquals(1, sink.doneCalls);
    assertEquals(List.of(), sink.errors);
  }

  @Test
  void everyChunkHasTheSameIdCreatedAndTheRequestedModel() {
    new UpstreamResponsesEvents().created().message("a", "b").completed(UpstreamResponsesEvents.usage(1, 0, 1, 0)).feed(stream);

    JsonObject first = sink.chunks.get(0);
    assertTrue(first.getString("id").startsWith("chatcmpl-"));
    for (JsonObject chunk : sink.chunks) {
      assertEquals(first.getString("id"), chunk.getString("id"));
      assertEquals(first.getLong("created"), chunk.getLong("created"));
      assertEquals("gpt-5-codex-requested", chunk.getString("model"));
      assertEquals("chat.completion.chunk", chunk.getString("object"));
    }
  }

  @Test
  void functionCallsAreMatchedByOutputIndexThoughCopilotRotatesItemIds() {
    new UpstreamResponsesEvents().created()
        .message("Checking.")
        .functionCall("call_1", "shell", "{\"cmd\":", "\"ls\"}")
        .functionCall("call_2", "shell", "{}")
        .completed(UpstreamResponsesEvents.usage(10, 0, 5, 0)).feed(stream);

    JsonObject header = sink.deltas().get(2).getJsonArray("tool_calls").getJsonObject(0);
    assertEquals(new JsonObject().put("index", 0).put("id", "call_1").put("type", "function")
        .put("function", new JsonObject().put("name", "shell").put("arguments", "")), header);
    List<JsonObject> calls = sink.toolCalls();
    assertEquals(2, calls.size());
    assertEquals("{\"cmd\":\"ls\"}", calls.get(0).getJsonObject("function").getString("arguments"));
    assertEquals("call_2", calls.get(1).getString("id"));
    assertEquals("{}", calls.get(1).getJsonObject("function").getString("arguments"));
    assertEquals("tool_calls", sink.finishReason());
  }

  @Test
  void reasoningSummaryBecomesReasoningTextAndTheEncryptedContentOneReasoningOpaque() {
    new UpstreamResponsesEvents().created().reasoning("enc-state", "First.", "Second.").message("Answer")
        .completed(UpstreamResponsesEvents.usage(1, 0, 1, 1)).feed(stream);

    assertEquals("First.\n\nSecond.", sink.joined("reasoning_text"));
    assertEquals("enc-state", sink.joined("reasoning_opaque"));
    assertEquals(1, sink.deltas().stream().filter(delta -> delta.containsKey("reasoning_opaque")).count());
    assertEquals("Answer", sink.joined("content"));
  }

  @Test
  void anIncompleteResponseFinishesWithLengthAndUsage() {
    new UpstreamResponsesEvents().created().message("Half").incomplete("max_output_tokens", UpstreamResponsesEvents.usage(5, 0, 50, 0))
        .feed(stream);

    assertEquals("length", sink.finishReason());
    assertEquals(50L, sink.usage().getLong("completion_tokens"));
    assertEquals(1, sink.doneCalls);
  }

  @Test
  void aContentFilteredResponseFinishesWithContentFilter() {
    new UpstreamResponsesEvents().created().incomplete("content_filter", UpstreamResponsesEvents.usage(5, 0, 0, 0)).feed(stream);

    assertEquals("content_filter", sink.finishReason());
  }

  @Test
  void aFailedResponseIsAStreamErrorWithTheUpstreamCode() {
    new UpstreamResponsesEvents().created().failed("context_length_exceeded", "Your input exceeds the context window").feed(stream);

    assertEquals(List.of(new StreamError(400, "context_length_exceeded", "Your input exceeds the context window")), sink.errors);
    assertEquals(0, sink.doneCalls);
  }

  @Test
  void rateLimitsAre429AndOtherFailures502() {
    ChatChunkRecorder limited = new ChatChunkRecorder();
    new UpstreamResponsesEvents().created().failed("rate_limit_exceeded", "try again in 1.5s").feed(new ResponsesToChatStream(limited, "m"));
    ChatChunkRecorder broken = new ChatChunkRecorder();
    new UpstreamResponsesEvents().created().failed("server_error", "boom").feed(new ResponsesToChatStream(broken, "m"));

    assertEquals(429, limited.errors.get(0).status());
    assertEquals(new StreamError(502, "server_error", "boom"), broken.errors.get(0));
  }

  @Test
  void anErrorEventIsAStreamError() {
    stream.onEvent(null, new JsonObject().put("type", "error").put("code", "rate_limit_exceeded").put("message", "slow down")
        .put("sequence_number", 3));

    assertEquals(new StreamError(429, "rate_limit_exceeded", "slow down"), sink.errors.get(0));
  }

  @Test
  void anUpstreamThatClosesWithoutATerminalEventIsAnIncompleteStream() {
    UpstreamResponsesEvents upstream = new UpstreamResponsesEvents().created().message("cut");
    upstream.feed(stream);

    assertEquals(List.of(new StreamError(502, "upstream_stream_incomplete",
        "The upstream Responses stream ended before response.completed.")), sink.errors);
    assertEquals(0, sink.doneCalls);
  }

  @Test
  void itemsWithoutDeltasAreRecoveredFromOutputItemDone() {
    new UpstreamResponsesEvents().created()
        .itemWithoutDeltas(new JsonObject().put("type", "reasoning").put("id", "rs").put("summary", new JsonArray()
            .add(new JsonObject().put("type", "summary_text").put("text", "thought"))).put("encrypted_content", "e"))
        .itemWithoutDeltas(UpstreamResponsesEvents.messageItem("whole text"))
        .itemWithoutDeltas(new JsonObject().put("type", "function_call").put("id", "fc").put("call_id", "call_9").put("name", "shell")
            .put("arguments", "{\"cmd\":\"pwd\"}"))
        .completed(UpstreamResponsesEvents.usage(1, 0, 1, 0)).feed(stream);

    assertEquals("thought", sink.joined("reasoning_text"));
    assertEquals("whole text", sink.joined("content"));
    assertEquals("{\"cmd\":\"pwd\"}", sink.toolCalls().get(0).getJsonObject("function").getString("arguments"));
    assertEquals("tool_calls", sink.finishReason());
  }

  @Test
  void outputOnlyInTheCompletedResponseIsRecoveredToo() {
    stream.onEvent("response.created", new JsonObject().put("response", new JsonObject().put("id", "r")));
    stream.onEvent("response.completed", new JsonObject().put("response", new JsonObject().put("id", "r2").put("status", "completed")
        .put("output", new JsonArray().add(UpstreamResponsesEvents.messageItem("late text")))
        .put("usage", UpstreamResponsesEvents.usage(3, 0, 2, 0))));

    assertEquals("late text", sink.joined("content"));
    assertEquals(1, sink.doneCalls);
  }

  @Test
  void aCustomToolCallArrivesAsAFunctionCallWithInputArguments() {
    new UpstreamResponsesEvents().created()
        .itemWithoutDeltas(new JsonObject().put("type", "custom_tool_call").put("id", "ct").put("call_id", "call_p")
            .put("name", "apply_patch").put("input", "*** Begin Patch"))
        .completed(UpstreamResponsesEvents.usage(1, 0, 1, 0)).feed(stream);

    JsonObject call = sink.toolCalls().get(0);
    assertEquals("apply_patch", call.getJsonObject("function").getString("name"));
    assertEquals(new JsonObject().put("input", "*** Begin Patch"), new JsonObject(call.getJsonObject("function").getString("arguments")));
  }

  @Test
  void theEventTypeComesFromDataWhenTheEventLineIsMissingAndEventsAfterTheEndAreIgnored() {
    UpstreamResponsesEvents upstream = new UpstreamResponsesEvents().created().message("x").completed(UpstreamResponsesEvents.usage(1, 0, 1, 0));
    for (JsonObject event : upstream.events) {
      stream.onEvent(null, event);
    }
    stream.onEvent(null, new JsonObject().put("type", "response.output_text.delta").put("delta", "late"));
    stream.onEnd();

    assertEquals("x", sink.joined("content"));
    assertEquals(1, sink.doneCalls);
    assertEquals(List.of(), sink.errors);
  }
}
