package io.ghcapi.translator.anthropic;

import java.util.List;

/**
 * The Copilot model an Anthropic request is translated for: its id (already mapped), whether it is a Claude
 * model (Copilot then accepts Anthropic's {@code thinking} and its own reasoning and cache fields), and the
 * {@code reasoning_effort} values it supports, possibly none.
 */
public record ChatTarget(String model, boolean claudeFamily, List<String> reasoningEfforts) {

  public ChatTarget {
    reasoningEfforts = reasoningEfforts == null ? List.of() : List.copyOf(reasoningEfforts);
  }
}
