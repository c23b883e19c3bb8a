package io.ghcapi.simulator.content;

/**
 * What the simulated model answers: text, or a single tool call.
 *
 * @param text the text answer, or {@code null} for a tool call
 * @param toolCall the tool call, or {@code null} for a text answer
 */
public record Answer(String text, ToolCall toolCall) {

  public static Answer text(String text) {
    return new Answer(text, null);
  }

  public static Answer toolCall(ToolCall toolCall) {
    return new Answer(null, toolCall);
  }

  public boolean isToolCall() {
    return toolCall != null;
  }

  /** The characters the model "generated", for usage estimates. */
  public int generatedChars() {
    return isToolCall() ? toolCall.name().length() + toolCall.arguments().length() : text.length();
  }
}
