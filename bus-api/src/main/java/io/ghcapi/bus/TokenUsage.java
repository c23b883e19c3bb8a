package io.ghcapi.bus;

/**
 * Token counts of one exchange in the one accounting model every API is converted to: input tokens exclude
 * cached ones, so {@link #total()} is a plain sum and nothing is counted twice.
 */
public record TokenUsage(long inputTokens, long outputTokens, long cacheCreationInputTokens, long cacheReadInputTokens) {

  public static final TokenUsage NONE = new TokenUsage(0, 0, 0, 0);

  /**
   * From OpenAI usage, where {@code prompt_tokens} includes {@code cached_tokens}: the cached part is moved
   * to {@link #cacheReadInputTokens()}.
   */
  public static TokenUsage fromOpenAi(long promptTokens, long completionTokens, long cachedTokens, long cacheWriteTokens) {
    long cached = Math.max(0, Math.min(cachedTokens, promptTokens));
    long written = Math.max(0, Math.min(cacheWriteTokens, promptTokens - cached));
    return new TokenUsage(promptTokens - cached - written, completionTokens, written, cached);
  }

  public long total() {
    return inputTokens + outputTokens + cacheCreationInputTokens + cacheReadInputTokens;
  }
}
