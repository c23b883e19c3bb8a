package io.ghcapi.translator.anthropic;

import java.util.UUID;
import java.util.regex.Pattern;

/** Tool call ids made valid for Anthropic, whose {@code tool_use.id} must match {@code ^[a-zA-Z0-9_-]+$}. */
final class ToolCallIds {

  /** Gateways append a Gemini thought signature to ids after this separator; it is not part of the id. */
  private static final String THOUGHT_SIGNATURE_SEPARATOR = "__thought__";
  private static final Pattern INVALID = Pattern.compile("[^a-zA-Z0-9_-]");

  private ToolCallIds() {
  }

  /** {@code functions.Bash:0} becomes {@code functions_Bash_0}; a missing or empty id gets a fresh one. */
  static String normalize(String id) {
    if (id == null) {
      return fresh();
    }
    int separator = id.indexOf(THOUGHT_SIGNATURE_SEPARATOR);
    String base = separator >= 0 ? id.substring(0, separator) : id;
    String normalized = INVALID.matcher(base).replaceAll("_");
    return normalized.isEmpty() ? fresh() : normalized;
  }

  static String fresh() {
    return "toolu_" + UUID.randomUUID().toString().replace("-", "");
  }
}
