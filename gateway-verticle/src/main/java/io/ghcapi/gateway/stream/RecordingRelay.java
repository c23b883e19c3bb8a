package io.ghcapi.gateway.stream;

import io.ghcapi.bus.RequestRecord;
import io.ghcapi.gateway.exchange.ExchangeRecorder;

/** An {@link SseRelay} that also knows what the stream amounted to, for the request history. */
public interface RecordingRelay extends SseRelay {

  /** Null when the stream completed; else what went wrong (the client was told in-stream). */
  String failure();

  /** Writes the usage and the answer (or raw events) the stream carried into the record. */
  void record(RequestRecord record, ExchangeRecorder recorder);
}
