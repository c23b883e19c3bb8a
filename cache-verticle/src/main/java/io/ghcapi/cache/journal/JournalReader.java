package io.ghcapi.cache.journal;

import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads journal lines by position, for detail, search and export; safe beside appends and compaction
 * because it opens each generation's file itself. Blocking: use on a worker thread, then close.
 */
public final class JournalReader implements Closeable {

  private final Path dir;
  private final Map<Long, RandomAccessFile> open = new HashMap<>();

  public JournalReader(Path dir) {
    this.dir = dir;
  }

  public JournalLine read(Position position) throws IOException {
    RandomAccessFile file = open.get(position.generation());
    if (file == null) {
      file = new RandomAccessFile(Journal.path(dir, position.generation()).toFile(), "r");
      open.put(position.generation(), file);
    }
    byte[] bytes = new byte[position.length()];
    file.seek(position.offset());
    file.readFully(bytes);
    try {
      return JournalLine.decode(bytes, bytes.length);
    } catch (IllegalArgumentException e) {
      throw new IOException("unreadable journal line at offset " + position.offset(), e);
    }
  }

  @Override
  public void close() throws IOException {
    for (RandomAccessFile file : open.values()) {
      file.close();
    }
    open.clear();
  }
}
