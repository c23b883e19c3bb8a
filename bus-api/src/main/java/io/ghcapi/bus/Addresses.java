package io.ghcapi.bus;

/**
 * Every event-bus address the product uses. Payloads are {@code JsonObject}s, so they work in one JVM
 * and across a cluster without custom codecs. See {@code docs/event-bus-api.md}.
 */
public final class Addresses {

  /** Publish, gateway → anyone: an exchange with a client began; payload is a {@link RequestRecord}. */
  public static final String REQUEST_STARTED = "ghc.request.started";

  /**
   * Publish, gateway → anyone: an exchange ended (success, upstream error, client gone); payload is the
   * complete {@link RequestRecord}. Exactly one per exchange that published {@link #REQUEST_STARTED}.
   */
  public static final String REQUEST_COMPLETED = "ghc.request.completed";

  /**
   * Request/reply, anyone → translator: Anthropic Messages request → Chat Completions request. Body
   * {@code {"request": {...}, "model": "<Copilot model>", "claude_family": bool, "reasoning_efforts": [...]}};
   * reply {@code {"request": {...}, "warnings": [...]}}.
   */
  public static final String TRANSLATE_ANTHROPIC_TO_CHAT = "ghc.translate.anthropic-to-chat";

  /** Request/reply: Chat completion → Anthropic message. Body {@code {"response": {...}, "model": "<requested>"}}. */
  public static final String TRANSLATE_CHAT_TO_ANTHROPIC = "ghc.translate.chat-to-anthropic";

  /** Request/reply: Responses request → Chat request. Body {@code {"request": {...}, "model": "<Copilot model>"}}. */
  public static final String TRANSLATE_RESPONSES_TO_CHAT = "ghc.translate.responses-to-chat";

  /** Request/reply: Chat request → Responses request. Body {@code {"request": {...}, "model": "<Copilot model>"}}. */
  public static final String TRANSLATE_CHAT_TO_RESPONSES = "ghc.translate.chat-to-responses";

  /** Request/reply: input tokens of an Anthropic request. Body {@code {"request": {...}}}; reply {@code {"input_tokens": n}}. */
  public static final String TRANSLATE_COUNT_TOKENS = "ghc.translate.count-tokens";

  private Addresses() {
  }
}
