package io.ghcapi.acp.agent;

import java.nio.charset.StandardCharsets;

/** The last few kilobytes a process wrote (its stderr), kept for error messages; thread-safe. */
public final class OutputTail {

  private final int capacity;
  private final StringBuilder text = new StringBuilder();
  private long total;

  public OutputTail(int capacity) {
    this.capacity = capacity;
  }

  public synchronized void append(byte[] bytes, int length) {
    text.append(new String(bytes, 0, length, StandardCharsets.UTF_8));
    total += length;
    if (text.length() > capacity) {
      text.delete(0, text.length() - capacity);
    }
  }

  /** The kept text, trimmed. */
  public synchronized String text() {
    return text.toString().strip();
  }

  /** The last {@code max} characters of the kept text. */
  public String last(int max) {
    String kept = text();
    return kept.length() <= max ? kept : "…" + kept.substring(kept.length() - max);
  }

  public synchronized long totalBytes() {
    return total;
  }
}
