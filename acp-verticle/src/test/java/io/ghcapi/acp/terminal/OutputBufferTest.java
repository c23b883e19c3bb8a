package io.ghcapi.acp.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Terminal output bounded in bytes, truncated from the start at a character boundary. */
class OutputBufferTest {

  @Test
  void keepsEverythingUnderTheBound() {
    OutputBuffer buffer = new OutputBuffer(10);
    buffer.append("hello");
    assertEquals("hello", buffer.text());
    assertFalse(buffer.truncated());
  }

  @Test
  void dropsTheOldestTextPastTheBoundWithoutSplittingACharacter() {
    OutputBuffer buffer = new OutputBuffer(10);
    buffer.append("abc");
    buffer.append("é😀xyz");
    buffer.append("1234");
    String kept = buffer.text();
    assertTrue(kept.getBytes(StandardCharsets.UTF_8).length <= 10, kept);
    assertTrue(kept.endsWith("xyz1234"), kept);
    assertTrue(buffer.truncated());
    assertFalse(Character.isLowSurrogate(kept.charAt(0)), "no half of a surrogate pair");
  }

  @Test
  void sinceGivesTheTextWrittenAfterAPosition() {
    OutputBuffer buffer = new OutputBuffer(8);
    buffer.append("abcd");
    long mark = buffer.written();
    buffer.append("efgh");
    assertEquals("efgh", buffer.since(mark));
    buffer.append("ijklmnop");
    assertEquals("ijklmnop", buffer.since(mark), "what was dropped meanwhile is skipped");
  }
}
