package io.ghcapi.cache.journal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.util.Arrays;

/** Reads a file as newline-terminated lines, with each line's byte offset; a last line without newline is not returned. */
final class LineScanner {

  interface LineHandler {
    void line(long offset, byte[] bytes, int length);
  }

  private static final int CHUNK = 1 << 20;

  private LineScanner() {
  }

  /**
   * Hands every complete line to the handler (lines over {@code maxLineBytes} are skipped) and returns the
   * offset just past the last complete line.
   */
  static long scan(RandomAccessFile file, int maxLineBytes, LineHandler handler) throws IOException {
    byte[] data = new byte[CHUNK];
    byte[] line = new byte[8192];
    int lineLength = 0;
    boolean oversized = false;
    long lineStart = 0;
    long position = 0;
    file.seek(0);
    int end;
    while ((end = file.read(data)) >= 0) {
      int start = 0;
      for (int i = 0; i < end; i++) {
        if (data[i] != '\n') {
          continue;
        }
        int piece = i - start;
        if (!oversized && lineLength + piece <= maxLineBytes) {
          line = ensure(line, lineLength + piece);
          System.arraycopy(data, start, line, lineLength, piece);
          handler.line(lineStart, line, lineLength + piece);
        }
        position += piece + 1;
        lineStart = position;
        lineLength = 0;
        oversized = false;
        start = i + 1;
      }
      int rest = end - start;
      if (!oversized && lineLength + rest <= maxLineBytes) {
        line = ensure(line, lineLength + rest);
        System.arraycopy(data, start, line, lineLength, rest);
        lineLength += rest;
      } else {
        oversized = true;
      }
      position += rest;
    }
    return lineStart;
  }

  private static byte[] ensure(byte[] buffer, int size) {
    if (size <= buffer.length) {
      return buffer;
    }
    return Arrays.copyOf(buffer, Math.max(size, buffer.length * 2));
  }
}
