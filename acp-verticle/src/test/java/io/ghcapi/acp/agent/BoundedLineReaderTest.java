package io.ghcapi.acp.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines from an agent's stdout, bounded. */
class BoundedLineReaderTest {

  private final List<String> seen = new ArrayList<>();

  private void read(int max, InputStream in) throws Exception {
    new BoundedLineReader(max).pump(in, new BoundedLineReader.Sink() {
      @Override
      public void line(String line) {
        seen.add(line);
      }

      @Override
      public void overlong(long bytes) {
        seen.add("<overlong>");
      }
    });
  }

  @Test
  void splitsOnNewlinesDropsCarriageReturnsAndBlankLinesAndKeepsTheLastLine() throws Exception {
    read(100, new ByteArrayInputStream("{\"a\":1}\r\n\n  \n{\"b\":\"é\"}\n{\"c\":3}".getBytes(StandardCharsets.UTF_8)));
    assertEquals(List.of("{\"a\":1}", "{\"b\":\"é\"}", "{\"c\":3}"), seen);
  }

  @Test
  void aLineLongerThanTheBoundIsReportedOnceAndSkippedToItsEnd() throws Exception {
    String longLine = "x".repeat(200_000);
    read(1000, new ByteArrayInputStream(("short\n" + longLine + "\nafter\n").getBytes(StandardCharsets.UTF_8)));
    assertEquals(List.of("short", "<overlong>", "after"), seen);
  }

  @Test
  void linesSplitAcrossReadsAreJoined() throws Exception {
    byte[] bytes = "first line\nsecond line\n".getBytes(StandardCharsets.UTF_8);
    InputStream trickle = new InputStream() {
      private int next;

      @Override
      public int read() {
        return next < bytes.length ? bytes[next++] : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (next >= bytes.length) {
          return -1;
        }
        b[off] = bytes[next++];
        return 1;
      }
    };
    read(100, trickle);
    assertEquals(List.of("first line", "second line"), seen);
  }
}
