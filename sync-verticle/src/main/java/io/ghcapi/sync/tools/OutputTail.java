package io.ghcapi.sync.tools;

/** The last {@code capacity} characters written to it, whatever the amount written. */
final class OutputTail {

  private final int capacity;
  private final StringBuilder text = new StringBuilder();

  OutputTail(int capacity) {
    this.capacity = capacity;
  }

  synchronized void append(String line) {
    text.append(line).append('\n');
    if (text.length() > 2 * capacity) {
      text.delete(0, text.length() - capacity);
    }
  }

  @Override
  public synchronized String toString() {
    return text.length() > capacity ? text.substring(text.length() - capacity) : text.toString();
  }
}
