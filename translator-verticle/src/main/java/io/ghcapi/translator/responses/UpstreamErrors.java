package io.ghcapi.translator.responses;

import io.ghcapi.translator.StreamError;
import java.util.Locale;

/**
 * Error codes between the two APIs. Codex treats {@code context_length_exceeded} as "context window
 * exceeded" (not retried) and reads the retry delay of {@code rate_limit_exceeded} from the message;
 * Copilot reports a too-long prompt as {@code model_max_prompt_tokens_exceeded}.
 */
final class UpstreamErrors {

  static final String CONTEXT_LENGTH_EXCEEDED = "context_length_exceeded";
  static final String RATE_LIMIT_EXCEEDED = "rate_limit_exceeded";

  private UpstreamErrors() {
  }

  /** The Responses {@code error.code} for a failure of a Chat upstream. */
  static String responsesCode(StreamError error) {
    String code = error.code() == null ? "" : error.code().toLowerCase(Locale.ROOT);
    if (isContextOverflow(code)) {
      return CONTEXT_LENGTH_EXCEEDED;
    }
    if ("insufficient_quota".equals(code)) {
      return code;
    }
    if (error.status() == 429 || code.contains("rate_limit")) {
      return RATE_LIMIT_EXCEEDED;
    }
    return "server_error";
  }

  /** A Responses upstream failure as a stream error, with the HTTP status a Chat client should see. */
  static StreamError streamError(String code, String message) {
    String normalized = code == null ? "" : code.toLowerCase(Locale.ROOT);
    String text = message == null || message.isBlank() ? "The upstream Responses API reported a failure." : message;
    if (isContextOverflow(normalized)) {
      return new StreamError(400, CONTEXT_LENGTH_EXCEEDED, text);
    }
    if (normalized.contains("rate_limit") || "insufficient_quota".equals(normalized)) {
      return new StreamError(429, normalized, text);
    }
    return new StreamError(502, code == null ? "upstream_error" : code, text);
  }

  private static boolean isContextOverflow(String code) {
    return CONTEXT_LENGTH_EXCEEDED.equals(code) || "model_max_prompt_tokens_exceeded".equals(code);
  }
}
