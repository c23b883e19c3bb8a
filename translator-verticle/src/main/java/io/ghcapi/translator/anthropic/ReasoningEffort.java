package io.ghcapi.translator.anthropic;

import java.util.List;
import java.util.Optional;

/**
 * Chat {@code reasoning_effort} values: derived from an Anthropic thinking budget, then fitted to what the
 * target model supports.
 */
final class ReasoningEffort {

  /** Every effort value either API knows, least effort first. */
  static final List<String> SCALE = List.of("none", "minimal", "low", "medium", "high", "xhigh", "max");

  /** Anthropic's {@code output_config.effort} values. */
  static final List<String> ANTHROPIC_VALUES = List.of("low", "medium", "high", "xhigh", "max");

  private ReasoningEffort() {
  }

  /** LiteLLM's thresholds, so the same budget means the same effort as with the peers. */
  static String fromBudget(long budgetTokens) {
    if (budgetTokens >= 16384) {
      return "max";
    }
    if (budgetTokens >= 8192) {
      return "xhigh";
    }
    if (budgetTokens >= 4096) {
      return "high";
    }
    if (budgetTokens >= 2048) {
      return "medium";
    }
    if (budgetTokens >= 1024) {
      return "low";
    }
    return "minimal";
  }

  /**
   * {@code wanted} if the model supports it, else the supported value nearest to it on {@link #SCALE} (the
   * higher one on a tie: the client asked for reasoning), or empty when the model lists no known value.
   */
  static Optional<String> fit(String wanted, List<String> supported) {
    if (supported.contains(wanted)) {
      return Optional.of(wanted);
    }
    int wantedRank = SCALE.indexOf(wanted);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : supported) {
      int rank = SCALE.indexOf(candidate);
      if (rank < 0) {
        continue;
      }
      int distance = Math.abs(rank - wantedRank);
      if (distance < bestDistance || distance == bestDistance && rank > SCALE.indexOf(best)) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }
}
