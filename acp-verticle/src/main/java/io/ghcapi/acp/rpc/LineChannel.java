package io.ghcapi.acp.rpc;

/** Where a {@link JsonRpcConnection} writes: one message per line, to the peer. */
public interface LineChannel {

  /**
   * Queues one line (without its newline) for the peer.
   *
   * @return false when the line cannot be sent: the channel is closed or its bounded queue is full
   */
  boolean send(String line);
}
