package io.ghcapi.simulator.content;

/** The deterministic wording of simulated answers. */
public final class AnswerTexts {

  static final int QUOTE_LIMIT = 200;

  private AnswerTexts() {
  }

  /** The answer to a user turn. */
  public static String reply(String model, String userText) {
    return "Simulated reply from " + model + ": " + clip(userText);
  }

  /** The answer to a turn that returns a tool result. */
  public static String toolResult(String resultText) {
    return "Tool result received: " + clip(resultText);
  }

  /** The first 200 characters, without cutting a surrogate pair in half. */
  static String clip(String text) {
    if (text.length() <= QUOTE_LIMIT) {
      return text;
    }
    int end = QUOTE_LIMIT;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }
}
