package io.ghcapi.cache.record;

/** UTF-8 sizes of Java strings, counted without encoding them. */
public final class Utf8 {

  private Utf8() {
  }

  public static long length(String text) {
    long bytes = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  /** True when the text takes more than {@code limit} bytes, cheaply decided for most strings. */
  public static boolean longerThan(String text, long limit) {
    if (text.length() > limit) {
      return true;
    }
    if ((long) text.length() * 3 <= limit) {
      return false;
    }
    return length(text) > limit;
  }
}
