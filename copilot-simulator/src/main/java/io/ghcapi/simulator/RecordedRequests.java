package io.ghcapi.simulator;

import io.ghcapi.simulator.recording.RequestLog;
import java.util.List;
import java.util.Optional;

/** The requests the simulator received (control paths excluded), oldest first. Safe to read from any thread. */
public final class RecordedRequests {

  private final RequestLog log;

  RecordedRequests(RequestLog log) {
    this.log = log;
  }

  /** Every recorded request, oldest first (a copy). */
  public List<RecordedRequest> all() {
    return log.all();
  }

  /** The recorded requests for exactly this path, oldest first. */
  public List<RecordedRequest> forPath(String path) {
    return log.forPath(path);
  }

  /** The most recent request for exactly this path. */
  public Optional<RecordedRequest> last(String path) {
    return log.last(path);
  }

  /** How many recorded requests have exactly this path. */
  public int count(String path) {
    return log.count(path);
  }

  /** Forgets every recorded request. */
  public void clear() {
    log.clear();
  }
}
