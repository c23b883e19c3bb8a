package io.ghcapi.simulator.embeddings;

import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.List;

/** Validates an embeddings {@code input} and splits it into the inputs it stands for. */
final class EmbeddingInputs {

  static final int MAX_INPUTS = 2048;

  private EmbeddingInputs() {
  }

  /**
   * The individual inputs (each a String or a JsonArray of token ids), or {@code null} if {@code input} is
   * not a non-empty string, a list of them, a list of token ids, or a list of token-id lists.
   */
  static List<Object> parse(Object input) {
    if (input instanceof String text) {
      return text.isEmpty() ? null : List.of(text);
    }
    if (!(input instanceof JsonArray list) || list.isEmpty() || list.size() > MAX_INPUTS) {
      return null;
    }
    if (allTokenIds(list)) {
      return List.of(list);
    }
    List<Object> inputs = new ArrayList<>(list.size());
    for (Object entry : list) {
      boolean valid = entry instanceof String text ? !text.isEmpty()
          : entry instanceof JsonArray tokens && !tokens.isEmpty() && allTokenIds(tokens);
      if (!valid) {
        return null;
      }
      inputs.add(entry);
    }
    return inputs;
  }

  private static boolean allTokenIds(JsonArray list) {
    for (Object entry : list) {
      if (!(entry instanceof Integer || entry instanceof Long)) {
        return false;
      }
    }
    return true;
  }

  /** Token count: a token id is a token; text is estimated. */
  static int tokens(Object input) {
    if (input instanceof JsonArray tokens) {
      return tokens.size();
    }
    return Math.max(1, (((String) input).length() + 3) / 4);
  }
}
