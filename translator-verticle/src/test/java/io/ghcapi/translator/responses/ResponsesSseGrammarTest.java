package io.ghcapi.translator.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator accepts the reference stream and names each rule a broken stream breaks. */
class ResponsesSseGrammarTest {

  private static String event(String type, int sequence, String fields) {
    return "event: " + type + "\ndata: {\"type\":\"" + type + "\",\"sequence_number\":" + sequence + (fields.isEmpty() ? "" : "," + fields)
        + "}\n\n";
  }

  private static final String RESPONSE = "\"response\":{\"id\":\"resp_1\",\"status\":\"in_progress\",\"output\":[]}";
  private static final String MESSAGE = "{\"type\":\"message\",\"id\":\"msg_1\",\"role\":\"assistant\",\"status\":\"completed\","
      + "\"content\":[{\"type\":\"output_text\",\"text\":\"Hi\",\"annotations\":[]}]}";
  private static final String USAGE = "\"usage\":{\"input_tokens\":1,\"output_tokens\":1,\"total_tokens\":2}";

  /** The minimal valid text stream of the wire-format reference (C.3). */
  private static String validStream() {
    return event("response.created", 0, RESPONSE)
        + event("response.output_item.added", 1, "\"output_index\":0,\"item\":{\"type\":\"message\",\"id\":\"msg_1\",\"role\":\"assistant\","
            + "\"status\":\"in_progress\",\"content\":[]}")
        + event("response.content_part.added", 2, "\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,"
            + "\"part\":{\"type\":\"output_text\",\"text\":\"\",\"annotations\":[]}")
        + event("response.output_text.delta", 3, "\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"Hi\"")
        + event("response.output_text.done", 4, "\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"text\":\"Hi\"")
        + event("response.content_part.done", 5, "\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,"
            + "\"part\":{\"type\":\"output_text\",\"text\":\"Hi\",\"annotations\":[]}")
        + event("response.output_item.done", 6, "\"output_index\":0,\"item\":" + MESSAGE)
        + event("response.completed", 7, "\"response\":{\"id\":\"resp_1\",\"status\":\"completed\",\"output\":[" + MESSAGE + "]," + USAGE + "}");
  }

  private static void assertViolation(String sse, String expectedFragment) {
    List<String> violations = ResponsesSseGrammar.violations(sse);
    assertTrue(violations.stream().anyMatch(violation -> violation.contains(expectedFragment)),
        "expected a violation containing '" + expectedFragment + "' in " + violations);
  }

  @Test
  void theReferenceStreamIsValid() {
    assertEquals(List.of(), ResponsesSseGrammar.violations(validStream()));
  }

  @Test
  void aStreamWithoutTerminalEventIsRejected() {
    String stream = validStream();
    assertViolation(stream.substring(0, stream.lastIndexOf("event: response.completed")), "no terminal event");
  }

  @Test
  void aSecondTerminalEventIsRejected() {
    assertViolation(validStream() + event("response.failed", 8,
        "\"response\":{\"id\":\"resp_1\",\"status\":\"failed\",\"error\":{\"code\":\"server_error\",\"message\":\"x\"}}"),
        "after the terminal event");
  }

  @Test
  void sequenceNumbersMustStartAtZeroAndIncrease() {
    assertViolation(validStream().replace("\"sequence_number\":0", "\"sequence_number\":1"), "starts at 1");
    assertViolation(validStream().replace("\"sequence_number\":4", "\"sequence_number\":2"), "sequence_number 2 after 3");
  }

  @Test
  void doneSentinelAndMismatchedTypesAreRejected() {
    assertViolation(validStream() + "data: [DONE]\n\n", "[DONE]");
    assertViolation(validStream().replace("event: response.output_text.delta", "event: response.output_text.deltas"), "has data.type");
  }

  @Test
  void interleavedAndNonContiguousItemsAreRejected() {
    String second = event("response.output_item.added", 2, "\"output_index\":2,\"item\":{\"type\":\"message\",\"id\":\"msg_2\"}");
    String stream = event("response.created", 0, RESPONSE)
        + event("response.output_item.added", 1, "\"output_index\":0,\"item\":{\"type\":\"message\",\"id\":\"msg_1\"}") + second;
    assertViolation(stream, "while item 0 is still open");
    assertViolation(stream, "expected 1");
  }

  @Test
  void anIncompleteItemInOutputItemDoneIsRejected() {
    String call = "{\"type\":\"function_call\",\"id\":\"fc_1\",\"name\":\"shell\",\"arguments\":\"{}\",\"status\":\"completed\"}";
    String stream = event("response.created", 0, RESPONSE)
        + event("response.output_item.added", 1, "\"output_index\":0,\"item\":{\"type\":\"function_call\",\"id\":\"fc_1\"}")
        + event("response.function_call_arguments.delta", 2, "\"item_id\":\"fc_1\",\"output_index\":0,\"delta\":\"{\\\"a\\\"\"")
        + event("response.output_item.done", 3, "\"output_index\":0,\"item\":" + call)
        + event("response.completed", 4, "\"response\":{\"id\":\"resp_1\",\"status\":\"completed\",\"output\":[" + call + "]," + USAGE + "}");
    assertViolation(stream, "needs call_id");
    assertViolation(stream, "its deltas spell");
  }

  @Test
  void completedNeedsUsageAndTheDoneItems() {
    assertViolation(validStream().replace("," + USAGE, ""), "without usage");
    assertViolation(validStream().replace("\"output\":[" + MESSAGE + "]", "\"output\":[]"), "output differs");
  }
}
