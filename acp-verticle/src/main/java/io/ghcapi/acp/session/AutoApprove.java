package io.ghcapi.acp.session;

import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Set;

/** Which permission requests a session answers by itself instead of asking the person. */
public enum AutoApprove {
  /** Every request goes to the browser. */
  ASK,
  /** Tool calls that only look ({@code read}, {@code search}, {@code think}) are allowed; the rest ask. */
  READS,
  /** Every request is allowed (the first allow option); only for trusted work. */
  ALL;

  private static final Set<String> LOOKING_KINDS = Set.of("read", "search", "think");

  public static AutoApprove parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("must be one of ask, reads, all, got " + value);
    }
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a request for this tool call is allowed without asking. */
  public boolean allows(JsonObject toolCall) {
    return switch (this) {
      case ASK -> false;
      case ALL -> true;
      case READS -> toolCall != null && LOOKING_KINDS.contains(toolCall.getString("kind", "other"));
    };
  }
}
