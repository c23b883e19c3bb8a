package io.ghcapi.gateway.stream;

/** How a relayed stream ended. */
public enum StreamOutcome {
  /** The upstream ended and the client got everything. */
  COMPLETED,
  /** The upstream broke or misbehaved; the client was told in-stream. */
  UPSTREAM_FAILED,
  /** The client went away first; the upstream call was stopped. */
  CLIENT_GONE
}
