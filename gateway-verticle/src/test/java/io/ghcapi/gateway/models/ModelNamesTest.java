package io.ghcapi.gateway.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelNamesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "claude-sonnet-4-5-20250929, claude-sonnet-4.5",
      "claude-haiku-4-5-20251001, claude-haiku-4.5",
      "claude-opus-4-1-20250805, claude-opus-4.1",
      "claude-3-5-sonnet-20241022, claude-3.5-sonnet",
      "claude-3-7-sonnet-20250219, claude-3.7-sonnet",
      "gpt-4o-2024-08-06, gpt-4o",
      "gpt-4o-mini-2024-07-18, gpt-4o-mini",
      "claude-sonnet-4-20250514, claude-sonnet-4",
      "claude-sonnet-4-5, claude-sonnet-4.5",
  })
  void normalisesDatedAndDashedNames(String input, String expected) {
    assertEquals(expected, ModelNames.normalise(input));
  }

  @ParameterizedTest(name = "{0} unchanged")
  @CsvSource({
      "claude-sonnet-4",
      "claude-sonnet-4.5",
      "gpt-4o",
      "gpt-4.1",
      "o3-mini",
      "text-embedding-3-small",
      "gpt-5",
  })
  void leavesCopilotNamesUnchanged(String name) {
    assertEquals(name, ModelNames.normalise(name));
  }

  @Test
  void dashedVersionsAreOnlyRewrittenForClaude() {
    assertEquals("gemini-2-5-pro", ModelNames.normalise("gemini-2-5-pro"));
  }
}
