package io.ghcapi.simulator.recording;

import io.ghcapi.simulator.RecordedRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** A bounded log of received requests: once full, the oldest entry makes room for the newest. */
public final class RequestLog {

  private final int limit;
  private final ArrayDeque<RecordedRequest> entries;

  public RequestLog(int limit) {
    this.limit = limit;
    this.entries = new ArrayDeque<>(Math.min(limit, 1024));
  }

  public synchronized void add(RecordedRequest request) {
    if (limit == 0) {
      return;
    }
    if (entries.size() == limit) {
      entries.removeFirst();
    }
    entries.addLast(request);
  }

  public synchronized List<RecordedRequest> all() {
    return new ArrayList<>(entries);
  }

  public synchronized List<RecordedRequest> forPath(String path) {
    List<RecordedRequest> matching = new ArrayList<>();
    for (RecordedRequest request : entries) {
      if (request.path().equals(path)) {
        matching.add(request);
      }
    }
    return matching;
  }

  public synchronized Optional<RecordedRequest> last(String path) {
    for (Iterator<RecordedRequest> it = entries.descendingIterator(); it.hasNext(); ) {
      RecordedRequest request = it.next();
      if (request.path().equals(path)) {
        return Optional.of(request);
      }
    }
    return Optional.empty();
  }

  public synchronized int count(String path) {
    int count = 0;
    for (RecordedRequest request : entries) {
      if (request.path().equals(path)) {
        count++;
      }
    }
    return count;
  }

  public synchronized void clear() {
    entries.clear();
  }
}
