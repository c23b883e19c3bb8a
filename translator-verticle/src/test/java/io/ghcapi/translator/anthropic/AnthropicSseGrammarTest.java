package io.ghcapi.translator.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The validator itself: it accepts the documented streams and names each kind of violation. */
class AnthropicSseGrammarTest {

  static final String START = frame("message_start", """
      {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"claude","stop_sequence":null,\
      "usage":{"input_tokens":472,"output_tokens":2},"content":[],"stop_reason":null}}""");
  static final String PING = frame("ping", "{\"type\": \"ping\"}");
  static final String END = frame("message_delta",
      "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":15}}")
      + frame("message_stop", "{\"type\":\"message_stop\"}");

  static String frame(String event, String data) {
    return "event: " + event + "\ndata: " + data + "\n\n";
  }

  static String start(int index, String block) {
    return frame("content_block_start", "{\"type\":\"content_block_start\",\"index\":" + index + ",\"content_block\":" + block + "}");
  }

  static String delta(int index, String delta) {
    return frame("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":" + index + ",\"delta\":" + delta + "}");
  }

  static String stop(int index) {
    return frame("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + index + "}");
  }

  static String text(int index, String text) {
    return start(index, "{\"type\":\"text\",\"text\":\"\"}") + delta(index, "{\"type\":\"text_delta\",\"text\":\"" + text + "\"}")
        + stop(index);
  }

  static String tool(int index, String json) {
    return start(index, "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{}}")
        + delta(index, "{\"type\":\"input_json_delta\",\"partial_json\":\"\"}")
        + delta(index, "{\"type\":\"input_json_delta\",\"partial_json\":" + json + "}") + stop(index);
  }

  static final String THINKING = start(0, "{\"type\":\"thinking\",\"thinking\":\"\"}")
      + delta(0, "{\"type\":\"thinking_delta\",\"thinking\":\"Let me solve this\"}")
      + delta(0, "{\"type\":\"signature_delta\",\"signature\":\"EqQBCgIYAhIM\"}") + stop(0);

  @Test
  void theDocumentedTextThenToolStreamIsValid() {
    String sse = START + start(0, "{\"type\":\"text\",\"text\":\"\"}") + PING
        + delta(0, "{\"type\":\"text_delta\",\"text\":\"Okay\"}") + stop(0)
        + tool(1, "\"{\\\"location\\\": \\\"San Francisco, CA\\\"}\"") + END;
    assertEquals(List.of(), AnthropicSseGrammar.violations(sse));
  }

  @Test
  void thinkingThenTextIsValid() {
    assertEquals(List.of(), AnthropicSseGrammar.violations(START + THINKING + text(1, "Answer") + END));
  }

  @Test
  void anErrorMayEndAnyPrefix() {
    String error = frame("error", "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
    assertEquals(List.of(), AnthropicSseGrammar.violations(error));
    assertEquals(List.of(), AnthropicSseGrammar.violations(START + start(0, "{\"type\":\"text\",\"text\":\"\"}")
        + delta(0, "{\"type\":\"text_delta\",\"text\":\"Hel\"}") + error));
  }

  @Test
  void crlfLineEndingsAndCommentsAreUnderstood() {
    String sse = (": keepalive\n\n" + START + text(0, "hi") + END).replace("\n", "\r\n");
    assertEquals(List.of(), AnthropicSseGrammar.violations(sse));
  }

  static Stream<Arguments> invalidStreams() {
    String textStart = start(0, "{\"type\":\"text\",\"text\":\"\"}");
    return Stream.of(
        Arguments.of("empty", "", "the stream is empty"),
        Arguments.of("no message_start", text(0, "hi") + END, "not message_start"),
        Arguments.of("ping first", PING + START + END, "not message_start"),
        Arguments.of("two message_starts", START + START + END, "a second message_start"),
        Arguments.of("type differs from event", START + frame("content_block_stop", "{\"type\":\"content_block_start\",\"index\":0}"),
            "differs from event"),
        Arguments.of("[DONE]", START + END + "data: [DONE]\n\n", "[DONE]"),
        Arguments.of("data without event", START + "data: {\"type\":\"ping\"}\n\n" + END, "without an event line"),
        Arguments.of("data not JSON", START + frame("ping", "pong") + END, "not a JSON object"),
        Arguments.of("index starts at 1", START + text(1, "hi") + END, "expected 0"),
        Arguments.of("index skips", START + text(0, "a") + text(2, "b") + END, "expected 1"),
        Arguments.of("delta before start", START + delta(0, "{\"type\":\"text_delta\",\"text\":\"x\"}") + END, "not open"),
        Arguments.of("blocks interleaved", START + textStart + start(1, "{\"type\":\"text\",\"text\":\"\"}") + END,
            "while block 0 is open"),
        Arguments.of("stop for another block", START + textStart + delta(0, "{\"type\":\"text_delta\",\"text\":\"x\"}") + stop(1),
            "not open"),
        Arguments.of("text_delta in a tool block", START + start(0, "{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"n\",\"input\":{}}")
            + delta(0, "{\"type\":\"text_delta\",\"text\":\"x\"}") + stop(0) + END, "text_delta in a tool_use block"),
        Arguments.of("thinking_delta in a text block", START + textStart
            + delta(0, "{\"type\":\"thinking_delta\",\"thinking\":\"x\"}") + stop(0) + END, "thinking_delta in a text block"),
        Arguments.of("input_json_delta in a thinking block", START + start(0, "{\"type\":\"thinking\",\"thinking\":\"\"}")
            + delta(0, "{\"type\":\"input_json_delta\",\"partial_json\":\"{}\"}") + stop(0) + END, "input_json_delta in a thinking block"),
        Arguments.of("empty text block", START + textStart + stop(0) + END, "text block 0 is empty"),
        Arguments.of("text block with only empty deltas", START + textStart
            + delta(0, "{\"type\":\"text_delta\",\"text\":\"\"}") + stop(0) + END, "text block 0 is empty"),
        Arguments.of("tool JSON incomplete", START + tool(0, "\"{\\\"a\\\":\"") + END, "do not form a JSON object"),
        Arguments.of("tool JSON an array", START + tool(0, "\"[1]\"") + END, "do not form a JSON object"),
        Arguments.of("tool id invalid", START + start(0, "{\"type\":\"tool_use\",\"id\":\"functions.Bash:0\",\"name\":\"n\",\"input\":{}}")
            + stop(0) + END, "tool_use block needs an id"),
        Arguments.of("unknown block type", START + start(0, "{\"type\":\"image\"}") + stop(0) + END, "block type image"),
        Arguments.of("no message_delta", START + text(0, "hi") + frame("message_stop", "{\"type\":\"message_stop\"}"),
            "message_stop without a message_delta"),
        Arguments.of("two message_deltas", START + text(0, "hi") + frame("message_delta",
            "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":1}}") + END,
            "a second message_delta"),
        Arguments.of("stop_reason error", START + frame("message_delta",
            "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"error\"},\"usage\":{\"output_tokens\":1}}")
            + frame("message_stop", "{\"type\":\"message_stop\"}"), "invalid stop_reason"),
        Arguments.of("message_delta while a block is open", START + textStart
            + delta(0, "{\"type\":\"text_delta\",\"text\":\"x\"}") + END, "message_delta while block 0 is open"),
        Arguments.of("block after message_delta", START + frame("message_delta",
            "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":1}}")
            + text(0, "late") + frame("message_stop", "{\"type\":\"message_stop\"}"), "content_block_start after message_delta"),
        Arguments.of("event after message_stop", START + END + PING, "'ping' after message_stop"),
        Arguments.of("event after error", START + frame("error", "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"x\"}}")
            + END, "after error"),
        Arguments.of("error without a type", START + frame("error", "{\"type\":\"error\",\"error\":{\"message\":\"x\"}}"),
            "error.type and error.message"),
        Arguments.of("no end", START + text(0, "hi"), "ends without message_stop or error"),
        Arguments.of("unknown event", START + frame("message_pause", "{\"type\":\"message_pause\"}") + END, "unknown event"),
        Arguments.of("message_start with content", START.replace("\"content\":[]", "\"content\":[{}]") + END, "content must be []"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidStreams")
  void eachViolationIsNamed(String name, String sse, String expected) {
    List<String> violations = AnthropicSseGrammar.violations(sse);
    assertTrue(violations.stream().anyMatch(v -> v.contains(expected)), () -> name + ": " + violations);
  }
}
