package io.ghcapi.bus;

/**
 * Every event-bus address the product uses. Payloads are {@code JsonObject}s, so they work in one JVM
 * and across a cluster without custom codecs. See {@code docs/event-bus-api.md}.
 */
public final class Addresses {

  /** Publish, gateway → anyone: an exchange with a client began; payload is a {@link RequestRecord}. */
  public static final String REQUEST_STARTED = "ghc.request.started";

  /**
   * Publish, gateway → anyone: an exchange ended (success, upstream error, client gone); payload is the
   * complete {@link RequestRecord}. Exactly one per exchange that published {@link #REQUEST_STARTED}.
   */
  public static final String REQUEST_COMPLETED = "ghc.request.completed";

  private Addresses() {
  }
}
