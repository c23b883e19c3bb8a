package io.ghcapi.gateway.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SseEventParserTest {

  private static final String BLOCK_1 = "data: {\"a\":1}\n\n";
  private static final String BLOCK_2 = "event: message_start\ndata: {\"type\":\"message_start\"}\n\n";
  private static final String BLOCK_3 = ": keepalive\n\n";
  private static final String BLOCK_4 = "data: [DONE]\n\n";
  private static final String STREAM = BLOCK_1 + BLOCK_2 + BLOCK_3 + BLOCK_4;

  private final List<SseEvent> events = new ArrayList<>();
  private final SseEventParser parser = new SseEventParser(1 << 16, events::add);

  private static Buffer buf(String s) {
    return Buffer.buffer(s.getBytes(StandardCharsets.UTF_8));
  }

  private void assertStreamEvents() {
    assertEquals(3, events.size(), events::toString);
    assertNull(events.get(0).event());
    assertEquals("{\"a\":1}", events.get(0).data());
    assertEquals(BLOCK_1, events.get(0).raw().toString());
    assertEquals("message_start", events.get(1).event());
    assertEquals("{\"type\":\"message_start\"}", events.get(1).data());
    assertEquals(BLOCK_2, events.get(1).raw().toString());
    assertTrue(events.get(2).isDone());
    assertEquals(BLOCK_4, events.get(2).raw().toString());
    assertFalse(events.get(0).isDone());
    assertEquals(0, parser.pendingBytes());
  }

  @Test
  void wholeStreamInOneChunk() {
    parser.feed(buf(STREAM));
    assertStreamEvents();
  }

  @Test
  void oneByteAtATime() {
    byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      parser.feed(Buffer.buffer(new byte[] {b}));
    }
    assertStreamEvents();
  }

  @Test
  void everySplitPointInTwoChunks() {
    byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
    for (int split = 0; split <= bytes.length; split++) {
      events.clear();
      SseEventParser p = new SseEventParser(1 << 16, events::add);
      p.feed(Buffer.buffer(java.util.Arrays.copyOfRange(bytes, 0, split)));
      p.feed(Buffer.buffer(java.util.Arrays.copyOfRange(bytes, split, bytes.length)));
      assertEquals(3, events.size(), "split at " + split);
      assertEquals(BLOCK_2, events.get(1).raw().toString(), "split at " + split);
      assertEquals(0, p.pendingBytes());
    }
  }

  @Test
  void randomChunkBoundaries() {
    byte[] bytes = STREAM.repeat(5).getBytes(StandardCharsets.UTF_8);
    Random random = new Random(42);
    for (int round = 0; round < 50; round++) {
      List<SseEvent> got = new ArrayList<>();
      SseEventParser p = new SseEventParser(1 << 16, got::add);
      int pos = 0;
      while (pos < bytes.length) {
        int len = Math.min(bytes.length - pos, 1 + random.nextInt(20));
        p.feed(Buffer.buffer(java.util.Arrays.copyOfRange(bytes, pos, pos + len)));
        pos += len;
      }
      assertEquals(15, got.size());
      StringBuilder joined = new StringBuilder();
      got.forEach(e -> joined.append(e.raw().toString()));
      assertEquals((BLOCK_1 + BLOCK_2 + BLOCK_4).repeat(5), joined.toString());
    }
  }

  @Test
  void multiByteUtf8SplitAcrossChunks() {
    String text = "data: {\"t\":\"héllo wörld ✓\"}\n\n";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      parser.feed(Buffer.buffer(new byte[] {b}));
    }
    assertEquals(1, events.size());
    assertEquals("{\"t\":\"héllo wörld ✓\"}", events.get(0).data());
    assertEquals(text, events.get(0).raw().toString(StandardCharsets.UTF_8));
  }

  @Test
  void crLfLineEnds() {
    String stream = "event: ping\r\ndata: one\r\n\r\ndata: two\r\n\r\n";
    parser.feed(buf(stream));
    assertEquals(2, events.size());
    assertEquals("ping", events.get(0).event());
    assertEquals("one", events.get(0).data());
    assertEquals("event: ping\r\ndata: one\r\n\r\n", events.get(0).raw().toString());
    assertEquals("two", events.get(1).data());
    assertEquals("data: two\r\n\r\n", events.get(1).raw().toString());
  }

  @Test
  void crLfSplitBetweenCrAndLf() {
    parser.feed(buf("data: x\r"));
    parser.feed(buf("\n\r"));
    assertTrue(events.isEmpty());
    parser.feed(buf("\n"));
    assertEquals(1, events.size());
    assertEquals("x", events.get(0).data());
  }

  @Test
  void multiLineDataJoinedWithNewlines() {
    parser.feed(buf("data: first\ndata: second\ndata:third\n\n"));
    assertEquals(1, events.size());
    assertEquals("first\nsecond\nthird", events.get(0).data());
  }

  @Test
  void onlyOneLeadingSpaceIsRemoved() {
    parser.feed(buf("data:  two spaces\n\n"));
    assertEquals(" two spaces", events.get(0).data());
  }

  @Test
  void eventWithoutDataHasEmptyData() {
    parser.feed(buf("event: ping\n\n"));
    assertEquals(1, events.size());
    assertEquals("ping", events.get(0).event());
    assertEquals("", events.get(0).data());
  }

  @Test
  void commentsAreSkippedEvenInsideAnEvent() {
    parser.feed(buf(": comment only\n\n: note\ndata: x\n: another\n\n"));
    assertEquals(1, events.size());
    assertEquals("x", events.get(0).data());
    assertEquals(": note\ndata: x\n: another\n\n", events.get(0).raw().toString());
  }

  @Test
  void unknownFieldsAloneDoNotMakeAnEvent() {
    parser.feed(buf("id: 7\nretry: 100\n\n"));
    assertTrue(events.isEmpty());
  }

  @Test
  void extraBlankLinesBetweenEventsAreIgnored() {
    parser.feed(buf("\n\ndata: a\n\n\n\ndata: b\n\n"));
    assertEquals(2, events.size());
    assertEquals("a", events.get(0).data());
    assertEquals("b", events.get(1).data());
  }

  @Test
  void incompleteEventWaitsForItsBlankLine() {
    parser.feed(buf("data: partial\n"));
    assertTrue(events.isEmpty());
    assertEquals("data: partial\n".length(), parser.pendingBytes());
    parser.feed(buf("\n"));
    assertEquals(1, events.size());
    assertEquals(0, parser.pendingBytes());
  }

  @Test
  void finishDeliversAFinalEventWithoutTrailingBlankLine() {
    parser.feed(buf("data: a\n\ndata: last"));
    assertEquals(1, events.size());
    parser.finish();
    assertEquals(2, events.size());
    assertEquals("last", events.get(1).data());
    assertEquals(0, parser.pendingBytes());
  }

  @Test
  void finishWithSingleNewlineDeliversTheEvent() {
    parser.feed(buf("data: [DONE]\n"));
    parser.finish();
    assertEquals(1, events.size());
    assertTrue(events.get(0).isDone());
  }

  @Test
  void finishWithNothingPendingDoesNothing() {
    parser.feed(buf("data: a\n\n"));
    parser.finish();
    parser.finish();
    assertEquals(1, events.size());
  }

  @Test
  void eventLargerThanTheLimitThrows() {
    List<SseEvent> got = new ArrayList<>();
    SseEventParser small = new SseEventParser(64, got::add);
    small.feed(buf("data: ok\n\n"));
    assertEquals(1, got.size());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> small.feed(buf("data: " + "x".repeat(100))));
    assertTrue(e.getMessage().contains("64"), e.getMessage());
  }

  @Test
  void eventLargerThanTheLimitThrowsWhenFedSlowly() {
    SseEventParser small = new SseEventParser(64, events::add);
    assertThrows(IllegalStateException.class, () -> {
      for (int i = 0; i < 100; i++) {
        small.feed(buf("data: xxxxxxxx\n"));
      }
    });
  }

  @Test
  void manySmallEventsInOneLargeChunkAreFine() {
    SseEventParser small = new SseEventParser(64, events::add);
    small.feed(buf("data: 0123456789\n\n".repeat(100)));
    assertEquals(100, events.size());
  }
}
