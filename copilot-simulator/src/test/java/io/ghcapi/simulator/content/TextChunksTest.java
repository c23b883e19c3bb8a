package io.ghcapi.simulator.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextChunksTest {

  @Test
  void splitsIntoTheRequestedNumberOfPiecesThatJoinBack() {
    List<String> pieces = TextChunks.split("Simulated reply from gpt-4.1: hi", 6);

    assertEquals(6, pieces.size());
    assertEquals("Simulated reply from gpt-4.1: hi", String.join("", pieces));
    pieces.forEach(piece -> assertEquals(true, !piece.isEmpty()));
  }

  @Test
  void neverSplitsASurrogatePairAndNeverMakesEmptyPieces() {
    String text = "a\uD83D\uDE80b";
    List<String> pieces = TextChunks.split(text, 10);

    assertEquals(List.of("a", "\uD83D\uDE80", "b"), pieces);
    assertEquals(List.of(""), TextChunks.split("", 3));
  }

  @Test
  void clipsQuotesTo200Characters() {
    assertEquals(200, AnswerTexts.clip("y".repeat(300)).length());
    assertEquals(199, AnswerTexts.clip("y".repeat(199) + "\uD83D\uDE80" + "z").length());
  }
}
