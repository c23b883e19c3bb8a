package io.ghcapi.acp.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into UTF-8 lines on {@code \n} (a trailing {@code \r} is dropped, blank lines are
 * skipped), never holding more than {@code maxLineBytes} of one line: a longer line is reported once and
 * skipped up to its end.
 */
public final class BoundedLineReader {

  /** Receives what the reader finds; may block (the reader runs on its own thread). */
  public interface Sink {
    void line(String line) throws InterruptedException;

    /** A line passed the bound; what follows up to its newline is dropped. */
    void overlong(long bytesSoFar) throws InterruptedException;
  }

  private final int maxLineBytes;

  public BoundedLineReader(int maxLineBytes) {
    this.maxLineBytes = maxLineBytes;
  }

  /** Reads until the end of the stream. */
  public void pump(InputStream in, Sink sink) throws IOException, InterruptedException {
    byte[] buffer = new byte[64 * 1024];
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean skipping = false;
    int read;
    while ((read = in.read(buffer)) != -1) {
      int start = 0;
      for (int i = 0; i < read; i++) {
        if (buffer[i] != '\n') {
          continue;
        }
        int length = i - start;
        if (!skipping && line.size() + length > maxLineBytes) {
          sink.overlong(line.size() + (long) length);
        } else if (!skipping) {
          line.write(buffer, start, length);
          emit(line, sink);
        }
        line.reset();
        skipping = false;
        start = i + 1;
      }
      int rest = read - start;
      if (skipping || rest == 0) {
        continue;
      }
      if (line.size() + rest > maxLineBytes) {
        sink.overlong(line.size() + (long) rest);
        line.reset();
        skipping = true;
      } else {
        line.write(buffer, start, rest);
      }
    }
    if (!skipping && line.size() > 0) {
      emit(line, sink);
    }
  }

  private static void emit(ByteArrayOutputStream line, Sink sink) throws InterruptedException {
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    if (!text.isBlank()) {
      sink.line(text);
    }
  }
}
