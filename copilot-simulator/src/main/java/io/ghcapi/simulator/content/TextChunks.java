package io.ghcapi.simulator.content;

import java.util.ArrayList;
import java.util.List;

/** Splits answer text into stream deltas. */
public final class TextChunks {

  private TextChunks() {
  }

  /**
   * Splits {@code text} into {@code count} pieces of near-equal length (fewer if the text is shorter),
   * never cutting a surrogate pair. The pieces concatenate back to the text.
   */
  public static List<String> split(String text, int count) {
    int codePoints = text.codePointCount(0, text.length());
    int pieces = Math.max(1, Math.min(count, codePoints));
    List<String> chunks = new ArrayList<>(pieces);
    int start = 0;
    for (int i = 1; i <= pieces; i++) {
      int endCodePoint = (int) ((long) codePoints * i / pieces);
      int end = text.offsetByCodePoints(0, endCodePoint);
      chunks.add(text.substring(start, end));
      start = end;
    }
    return chunks;
  }
}
