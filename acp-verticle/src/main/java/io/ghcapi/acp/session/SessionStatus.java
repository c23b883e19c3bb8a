package io.ghcapi.acp.session;

import java.util.Locale;

/** Where a session is in its life. */
public enum SessionStatus {
  /** The agent process is starting ({@code initialize}, {@code session/new}). */
  STARTING,
  /** Waiting for a prompt. */
  READY,
  /** A turn is running. */
  PROMPTING,
  /** Being closed on request. */
  CLOSING,
  /** Closed on request; its process has ended. */
  CLOSED,
  /** Its process could not start or ended unexpectedly. */
  FAILED,
  /** Stored, but no process runs it in this server (it was running when the server stopped). */
  DISCONNECTED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a process runs (or is starting) for it. */
  public boolean alive() {
    return this == STARTING || this == READY || this == PROMPTING;
  }

  /** How a status read from disk shows when no process of this server runs the session. */
  public static String storedView(String stored) {
    if (stored == null || STARTING.wire().equals(stored) || READY.wire().equals(stored)
        || PROMPTING.wire().equals(stored) || CLOSING.wire().equals(stored)) {
      return DISCONNECTED.wire();
    }
    return stored;
  }
}
