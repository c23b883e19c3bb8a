package io.ghcapi.sync.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads a child's output stream line by line with a bounded line length: a line longer than the bound is
 * handed on in pieces, so an endless line cannot grow memory.
 */
final class LineReader implements Runnable {

  static final int MAX_LINE_CHARS = 8192;

  private final InputStream stream;
  private final Consumer<String> lines;

  LineReader(InputStream stream, Consumer<String> lines) {
    this.stream = stream;
    this.lines = lines;
  }

  @Override
  public void run() {
    StringBuilder line = new StringBuilder();
    char[] buffer = new char[4096];
    try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
      int read;
      while ((read = reader.read(buffer)) >= 0) {
        for (int i = 0; i < read; i++) {
          char c = buffer[i];
          if (c == '\n') {
            emit(line);
          } else {
            line.append(c);
            if (line.length() >= MAX_LINE_CHARS) {
              emit(line);
            }
          }
        }
      }
    } catch (IOException closed) {
      // the process was killed or its pipe closed: what was read is kept
    }
    if (line.length() > 0) {
      emit(line);
    }
  }

  private void emit(StringBuilder line) {
    int end = line.length();
    if (end > 0 && line.charAt(end - 1) == '\r') {
      end--;
    }
    lines.accept(line.substring(0, end));
    line.setLength(0);
  }
}
