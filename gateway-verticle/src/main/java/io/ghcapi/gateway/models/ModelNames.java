package io.ghcapi.gateway.models;

import java.util.regex.Pattern;

/**
 * Turns the dated or dashed model names clients send into Copilot's names:
 * {@code claude-sonnet-4-5-20250929} → {@code claude-sonnet-4.5}, {@code claude-3-5-sonnet-20241022} →
 * {@code claude-3.5-sonnet}, {@code gpt-4o-2024-08-06} → {@code gpt-4o}.
 */
public final class ModelNames {

  private static final Pattern DATE_SUFFIX = Pattern.compile("-(\\d{8}|\\d{4}-\\d{2}-\\d{2})$");
  private static final Pattern CLAUDE_DASHED_VERSION = Pattern.compile("-(\\d+)-(\\d)(?=-|$)");

  private ModelNames() {
  }

  public static String normalise(String name) {
    String undated = DATE_SUFFIX.matcher(name).replaceFirst("");
    if (undated.startsWith("claude-")) {
      return CLAUDE_DASHED_VERSION.matcher(undated).replaceFirst("-$1.$2");
    }
    return undated;
  }
}
