package io.ghcapi.bus;

import java.util.Locale;

/** Life cycle of one exchange, as seen in {@link RequestRecord#state()}. */
public enum ExchangeState {
  /** Accepted from the client, not yet sent upstream (waiting for a Copilot token, say). */
  PENDING,
  /** Sent upstream, no answer yet. */
  SENDING,
  /** Upstream answered and the response is being relayed (streams stay here until they end). */
  RECEIVING,
  /** Ended with a status below 400. */
  COMPLETED,
  /** Ended with an error status, an upstream failure or a client that went away (499). */
  ERROR;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ExchangeState fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
