package io.ghcapi.simulator;

import io.ghcapi.simulator.recording.Counters;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** Counters of what the simulator did. Safe to read from any thread. */
public final class SimulatorStats {

  private final Counters counters;

  SimulatorStats(Counters counters) {
    this.counters = counters;
  }

  /** Successful {@code GET /copilot_internal/v2/token} answers. */
  public int tokenExchanges() {
    return counters.tokenExchanges();
  }

  /** Streamed answers that began. */
  public int streamsStarted() {
    return counters.streamsStarted();
  }

  /** Streamed answers written to the end. */
  public int streamsCompleted() {
    return counters.streamsCompleted();
  }

  /** Streams whose client went away before the simulator finished them. */
  public int streamsCancelled() {
    return counters.streamsCancelled();
  }

  /** Streams the simulator cut itself because of a {@link FaultKind#RESET_MID_STREAM} fault. */
  public int streamsReset() {
    return counters.streamsReset();
  }

  /** Data-plane requests seen for exactly this path (rejected ones included). */
  public int requests(String path) {
    return counters.requests(path);
  }

  /** Data-plane requests seen, per path. */
  public Map<String, Integer> requestsByPath() {
    return counters.requestsByPath();
  }

  /** Sets every counter back to zero. */
  public void reset() {
    counters.reset();
  }

  /** The counters as JSON, as served by {@code GET /_sim/stats}. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("tokenExchanges", tokenExchanges())
        .put("streamsStarted", streamsStarted())
        .put("streamsCompleted", streamsCompleted())
        .put("streamsCancelled", streamsCancelled())
        .put("streamsReset", streamsReset())
        .put("requests", new JsonObject(new LinkedHashMap<>(requestsByPath())));
  }
}
