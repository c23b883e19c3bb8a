package io.ghcapi.translator.anthropic;

/** Chat {@code finish_reason} values as Anthropic {@code stop_reason} values. */
final class StopReasons {

  private StopReasons() {
  }

  /** The stop reason for a finish reason (null when there is none). */
  static String of(String finishReason) {
    if (finishReason == null) {
      return "end_turn";
    }
    return switch (finishReason) {
      case "length" -> "max_tokens";
      case "tool_calls", "function_call" -> "tool_use";
      case "content_filter" -> "refusal";
      default -> "end_turn";
    };
  }

  /**
   * The stop reason of an answer, given the one its finish reasons map to (null if none). Some upstreams
   * finish with {@code stop} although they called tools, and a client only runs the tools when told
   * {@code tool_use}. A cut-off ({@code max_tokens}) or a {@code refusal} is still reported as such: the tool
   * input may then be incomplete.
   */
  static String withToolUse(String stopReason, boolean hasToolUse) {
    String reason = stopReason == null ? "end_turn" : stopReason;
    return hasToolUse && "end_turn".equals(reason) ? "tool_use" : reason;
  }

  /**
   * Of two stop reasons (from two choices of one answer), the one that says more: a cut-off or refusal over
   * a tool call, a tool call over a plain end.
   */
  static String stronger(String current, String next) {
    if (current == null) {
      return next;
    }
    return rank(next) > rank(current) ? next : current;
  }

  private static int rank(String stopReason) {
    return switch (stopReason) {
      case "max_tokens" -> 3;
      case "refusal" -> 2;
      case "tool_use" -> 1;
      default -> 0;
    };
  }
}
