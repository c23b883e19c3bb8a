package io.ghcapi.acp.terminal;

/**
 * A command's output, bounded in UTF-8 bytes: past the bound the oldest text is dropped, at a character
 * boundary (ACP: {@code outputByteLimit} truncates from the start). Thread-safe.
 */
public final class OutputBuffer {

  private final int limitBytes;
  private final StringBuilder text = new StringBuilder();
  private int bytes;
  private long dropped;
  private boolean truncated;

  public OutputBuffer(int limitBytes) {
    this.limitBytes = limitBytes;
  }

  public synchronized void append(String chunk) {
    text.append(chunk);
    bytes += utf8Length(chunk, 0, chunk.length());
    if (bytes <= limitBytes) {
      return;
    }
    truncated = true;
    int cut = 0;
    while (bytes > limitBytes && cut < text.length()) {
      char c = text.charAt(cut);
      int width = Character.isHighSurrogate(c) && cut + 1 < text.length() ? 2 : 1;
      bytes -= utf8Length(text, cut, cut + width);
      cut += width;
    }
    text.delete(0, cut);
    dropped += cut;
  }

  /** The kept output. */
  public synchronized String text() {
    return text.toString();
  }

  public synchronized boolean truncated() {
    return truncated;
  }

  /** Characters written so far, kept or dropped: a position for {@link #since(long)}. */
  public synchronized long written() {
    return dropped + text.length();
  }

  /** The kept text written after position {@code from} (what was dropped meanwhile is skipped). */
  public synchronized String since(long from) {
    long start = Math.max(0, from - dropped);
    return start >= text.length() ? "" : text.substring((int) start);
  }

  private static int utf8Length(CharSequence chars, int from, int to) {
    int length = 0;
    for (int i = from; i < to; i++) {
      char c = chars.charAt(i);
      if (c < 0x80) {
        length += 1;
      } else if (c < 0x800) {
        length += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(chars.charAt(i + 1))) {
        length += 4;
        i++;
      } else {
        length += 3;
      }
    }
    return length;
  }
}
