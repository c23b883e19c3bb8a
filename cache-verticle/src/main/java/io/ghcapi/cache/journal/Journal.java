package io.ghcapi.cache.journal;

import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The append-only history journal: JSON lines in {@code journal-<generation>.jsonl}. Compaction and
 * clearing write a new generation and switch to it; the previous generation stays until the next switch
 * so that reads holding an old position still find their file.
 *
 * <p>Blocking: every method runs on a worker thread, one task at a time ({@link JournalWriter});
 * {@link JournalReader} reads beside them. Files are written from byte arrays through
 * {@link RandomAccessFile}, not NIO heap buffers, which would leave a temporary direct buffer the size of
 * the largest write cached on every worker thread.
 */
public final class Journal implements Closeable {

  private static final Logger LOG = Logger.getLogger(Journal.class.getName());
  private static final Pattern FILE_NAME = Pattern.compile("journal-(\\d+)\\.jsonl");
  /** Longer lines cannot be records under any sensible body limit; a replay skips them. */
  static final int MAX_LINE_BYTES = Integer.MAX_VALUE - 64;

  /** Receives each readable line during the replay at start. */
  public interface ReplayHandler {
    void line(JournalLine line, Position position);
  }

  /** Small lines are gathered into writes of this size; bigger ones are written on their own. */
  private static final int WRITE_BUFFER = 256 * 1024;

  private final Path dir;
  private final byte[] pending = new byte[WRITE_BUFFER];
  private long generation;
  private RandomAccessFile file;
  private long size;
  private long lines;

  private Journal(Path dir, long generation, RandomAccessFile file, long size, long lines) {
    this.dir = dir;
    this.generation = generation;
    this.file = file;
    this.size = size;
    this.lines = lines;
  }

  /**
   * Opens the newest generation in {@code dir} (creating the directory and a first file if needed), replays
   * its lines in order, cuts off a torn last line left by an abrupt stop, and removes older generations.
   */
  public static Journal open(Path dir, ReplayHandler handler) throws IOException {
    Files.createDirectories(dir);
    long newest = 0;
    List<Path> others = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "journal-*")) {
      for (Path file : files) {
        Matcher name = FILE_NAME.matcher(file.getFileName().toString());
        if (!name.matches()) {
          others.add(file);
          continue;
        }
        long found = Long.parseLong(name.group(1));
        if (found > newest) {
          if (newest > 0) {
            others.add(path(dir, newest));
          }
          newest = found;
        } else {
          others.add(file);
        }
      }
    }
    for (Path stale : others) {
      Files.deleteIfExists(stale);
    }
    long generation = Math.max(newest, 1);
    RandomAccessFile file = new RandomAccessFile(path(dir, generation).toFile(), "rw");
    long[] counts = new long[2];
    long end = LineScanner.scan(file, MAX_LINE_BYTES, (offset, bytes, length) -> {
      counts[0]++;
      try {
        handler.line(JournalLine.decode(bytes, length), new Position(generation, offset, length));
      } catch (IllegalArgumentException e) {
        counts[1]++;
      }
    });
    long fileSize = file.length();
    if (end < fileSize) {
      LOG.warning(() -> "history journal " + path(dir, generation) + ": dropped " + (fileSize - end)
          + " bytes of an unfinished last line");
      file.setLength(end);
    }
    if (counts[1] > 0) {
      LOG.warning(() -> "history journal " + path(dir, generation) + ": skipped " + counts[1] + " unreadable lines");
    }
    file.seek(end);
    return new Journal(dir, generation, file, end, counts[0]);
  }

  static Path path(Path dir, long generation) {
    return dir.resolve("journal-" + generation + ".jsonl");
  }

  public Path dir() {
    return dir;
  }

  public long generation() {
    return generation;
  }

  /** Lines in the current file, live or not: what compaction is measured against. */
  public long lines() {
    return lines;
  }

  /** Appends whole lines (each ending in a newline) and returns where each landed. */
  public List<Position> append(List<byte[]> encodedLines) throws IOException {
    List<Position> positions = new ArrayList<>(encodedLines.size());
    long offset = size;
    int buffered = 0;
    try {
      for (byte[] line : encodedLines) {
        positions.add(new Position(generation, offset, line.length - 1));
        offset += line.length;
        if (buffered + line.length > pending.length) {
          file.write(pending, 0, buffered);
          buffered = 0;
        }
        if (line.length > pending.length) {
          file.write(line);
        } else {
          System.arraycopy(line, 0, pending, buffered, line.length);
          buffered += line.length;
        }
      }
      file.write(pending, 0, buffered);
    } catch (IOException e) {
      file.setLength(size);
      file.seek(size);
      throw e;
    }
    size = offset;
    lines += encodedLines.size();
    return positions;
  }

  /**
   * Writes a new generation holding only the given lines, in order, switches appends to it and returns
   * their new positions (null for a line that could not be read).
   */
  public List<Position> compact(List<Position> live) throws IOException {
    long next = generation + 1;
    Path tmp = dir.resolve("journal-" + next + ".jsonl.tmp");
    List<Position> moved = new ArrayList<>(live.size());
    long offset = 0;
    long count = 0;
    FileChannel source = file.getChannel();
    try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      long runStart = -1;
      long runBytes = 0;
      for (Position position : live) {
        if (position.generation() != generation) {
          moved.add(null);
          continue;
        }
        long bytes = position.length() + 1L;
        if (runStart >= 0 && runStart + runBytes != position.offset()) {
          copy(source, runStart, runBytes, out);
          runStart = -1;
          runBytes = 0;
        }
        if (runStart < 0) {
          runStart = position.offset();
        }
        runBytes += bytes;
        moved.add(new Position(next, offset, position.length()));
        offset += bytes;
        count++;
      }
      if (runStart >= 0) {
        copy(source, runStart, runBytes, out);
      }
      out.force(true);
    }
    switchTo(tmp, next, offset, count);
    return moved;
  }

  /** Live lines mostly sit next to each other (the newest records), so they are copied in runs. */
  private static void copy(FileChannel source, long from, long bytes, FileChannel out) throws IOException {
    long copied = 0;
    while (copied < bytes) {
      long n = source.transferTo(from + copied, bytes - copied, out);
      if (n <= 0) {
        throw new IOException("journal shorter than expected at offset " + (from + copied));
      }
      copied += n;
    }
  }

  /** Starts an empty generation: the history was cleared. */
  public void reset() throws IOException {
    long next = generation + 1;
    Path tmp = dir.resolve("journal-" + next + ".jsonl.tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(tmp);
    switchTo(tmp, next, 0, 0);
  }

  private void switchTo(Path tmp, long next, long newSize, long newLines) throws IOException {
    Files.move(tmp, path(dir, next), StandardCopyOption.ATOMIC_MOVE);
    RandomAccessFile previous = file;
    file = new RandomAccessFile(path(dir, next).toFile(), "rw");
    file.seek(newSize);
    long old = generation;
    generation = next;
    size = newSize;
    lines = newLines;
    previous.close();
    Files.deleteIfExists(path(dir, old - 1));
  }

  /** Forces appended lines to the device (on stop). */
  public void sync() throws IOException {
    file.getFD().sync();
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
