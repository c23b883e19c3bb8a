package io.ghcapi.cache.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal file itself: replay, torn and corrupt lines, compaction and reset. */
class JournalTest {

  @TempDir
  Path dir;

  @Test
  void replaysCompleteLinesSkipsBrokenOnesAndCutsATornTail() throws IOException {
    List<Position> positions;
    try (Journal journal = Journal.open(dir, (line, position) -> { })) {
      positions = journal.append(List.of(line(1, "a", 10), line(2, "b", 70_000), line(3, "c", 10)));
    }
    Path file = dir.resolve("journal-1.jsonl");
    Files.writeString(file, "garbage in the middle\n{\"seq\":4,\"record\":{\"id\":\"d\"}}\n{\"seq\":5,\"rec",
        StandardOpenOption.APPEND);

    List<String> ids = new ArrayList<>();
    try (Journal journal = Journal.open(dir, (line, position) -> ids.add(line.record().getString("id")))) {
      assertEquals(List.of("a", "b", "c", "d"), ids);
      assertEquals(5, journal.lines(), "the garbage line still takes room until compaction");
      assertTrue(Files.readString(file).endsWith("}}\n"));
      journal.append(List.of(line(6, "e", 10)));
    }
    try (JournalReader reader = new JournalReader(dir)) {
      assertEquals("b", reader.read(positions.get(1)).record().getString("id"));
      assertEquals(70_000, reader.read(positions.get(1)).record().getString("body").length());
    }
    ids.clear();
    try (Journal journal = Journal.open(dir, (line, position) -> ids.add(line.record().getString("id")))) {
      assertEquals(List.of("a", "b", "c", "d", "e"), ids);
    }
  }

  @Test
  void compactionWritesANewGenerationWithOnlyTheLiveLines() throws IOException {
    try (Journal journal = Journal.open(dir, (line, position) -> { })) {
      List<Position> positions = journal.append(List.of(line(1, "a", 5), line(2, "b", 5), line(3, "c", 5)));
      List<Position> moved = journal.compact(List.of(positions.get(2), positions.get(0)));
      assertEquals(2, journal.generation());
      assertEquals(2, journal.lines());
      try (JournalReader reader = new JournalReader(dir)) {
        assertEquals("c", reader.read(moved.get(0)).record().getString("id"));
        assertEquals("a", reader.read(moved.get(1)).record().getString("id"));
        assertEquals("b", reader.read(positions.get(1)).record().getString("id"), "the old generation stays readable");
      }
      journal.append(List.of(line(4, "d", 5)));
      journal.reset();
      assertEquals(3, journal.generation());
      assertFalse(Files.exists(dir.resolve("journal-1.jsonl")), "two generations back is removed");
    }
    List<String> ids = new ArrayList<>();
    try (Journal journal = Journal.open(dir, (line, position) -> ids.add(line.record().getString("id")))) {
      assertEquals(List.of(), ids, "reset leaves an empty journal");
      assertFalse(Files.exists(dir.resolve("journal-2.jsonl")), "older generations are removed at start");
    }
  }

  @Test
  void compactionKeepsRunsOfAdjacentLinesAndSkipsTheGaps() throws IOException {
    try (Journal journal = Journal.open(dir, (line, position) -> { })) {
      List<Position> positions = journal.append(List.of(line(1, "a", 5), line(2, "b", 300_000), line(3, "c", 7),
          line(4, "d", 5), line(5, "e", 9)));
      List<Position> moved = journal.compact(List.of(positions.get(1), positions.get(2), positions.get(4)));
      try (JournalReader reader = new JournalReader(dir)) {
        assertEquals("b", reader.read(moved.get(0)).record().getString("id"));
        assertEquals(300_000, reader.read(moved.get(0)).record().getString("body").length());
        assertEquals("c", reader.read(moved.get(1)).record().getString("id"));
        assertEquals("e", reader.read(moved.get(2)).record().getString("id"));
      }
    }
    List<String> ids = new ArrayList<>();
    try (Journal journal = Journal.open(dir, (line, position) -> ids.add(line.record().getString("id")))) {
      assertEquals(List.of("b", "c", "e"), ids, "the new generation holds exactly the live lines, in order");
    }
  }

  private static byte[] line(long seq, String id, int bodyLength) {
    return new JournalLine(seq, new JsonObject().put("id", id).put("body", "x".repeat(bodyLength))).encode();
  }
}
