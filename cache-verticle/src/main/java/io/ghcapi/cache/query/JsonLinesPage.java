package io.ghcapi.cache.query;

import io.ghcapi.cache.record.ExportLine;
import io.ghcapi.cache.record.Utf8;
import io.ghcapi.cache.store.EntryRef;
import io.ghcapi.cache.store.RecordReader;
import java.io.IOException;
import java.util.List;

/**
 * Export lines of entries, in the given order, up to about {@code maxBytes} (at least one line): what one
 * export or sync reply carries. Built on a worker thread.
 */
record JsonLinesPage(String lines, int count, int nextIndex) {

  /** {@code nextIndex} is the first entry not included, or -1 when every entry is. */
  static JsonLinesPage build(List<EntryRef> refs, RecordReader reader, long maxBytes) {
    StringBuilder lines = new StringBuilder();
    long bytes = 0;
    int count = 0;
    for (int i = 0; i < refs.size(); i++) {
      EntryRef ref = refs.get(i);
      String line;
      try {
        line = ExportLine.encode(reader.read(ref)) + '\n';
      } catch (IOException e) {
        line = ExportLine.encode(ref.summary().copy().put(RecordReader.RECORD_LOST, true)) + '\n';
      }
      long lineBytes = Utf8.length(line);
      if (count > 0 && bytes + lineBytes > maxBytes) {
        return new JsonLinesPage(lines.toString(), count, i);
      }
      lines.append(line);
      bytes += lineBytes;
      count++;
    }
    return new JsonLinesPage(lines.toString(), count, -1);
  }
}
