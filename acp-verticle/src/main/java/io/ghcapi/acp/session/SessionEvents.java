package io.ghcapi.acp.session;

import io.ghcapi.bus.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The events of one session, numbered: each is published on {@code ghc.acp.session.<id>.events} (this node),
 * handed to the listeners (prompt and event streams), and kept in a window bounded in number and size for
 * listeners that join late. Shape: {@code {version, session_id, seq, at, type, ...fields}}. Used from one Vert.x context.
 */
public final class SessionEvents {

  public static final int VERSION = 1;
  /** Kept events are also bounded by their size (characters of JSON, about). */
  static final long MAX_KEPT_CHARS = 16L << 20;
  private static final Logger LOG = Logger.getLogger(SessionEvents.class.getName());
  private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

  private final Vertx vertx;
  private final String sessionId;
  private final String address;
  private final int maxKept;
  private final Deque<JsonObject> kept = new ArrayDeque<>();
  private final Deque<Integer> keptSizes = new ArrayDeque<>();
  private long keptChars;
  private final List<Consumer<JsonObject>> listeners = new ArrayList<>();
  private long seq;

  public SessionEvents(Vertx vertx, String sessionId, int maxKept) {
    this.vertx = vertx;
    this.sessionId = sessionId;
    this.address = address(sessionId);
    this.maxKept = maxKept;
  }

  /** The bus address of a session's events. */
  public static String address(String sessionId) {
    return Addresses.ACP_SESSION_EVENTS_PREFIX + sessionId + ".events";
  }

  /** Numbers, keeps, publishes and hands out one event; returns it. */
  public JsonObject emit(String type, JsonObject fields) {
    JsonObject event = new JsonObject().put("version", VERSION).put("session_id", sessionId).put("seq", ++seq)
        .put("at", Instant.now().toString()).put("type", type);
    if (fields != null) {
      fields.forEach(field -> event.put(field.getKey(), field.getValue()));
    }
    int size = event.encode().length();
    kept.addLast(event);
    keptSizes.addLast(size);
    keptChars += size;
    while (kept.size() > maxKept || keptChars > MAX_KEPT_CHARS && kept.size() > 1) {
      kept.removeFirst();
      keptChars -= keptSizes.removeFirst();
    }
    vertx.eventBus().publish(address, event, LOCAL);
    for (Consumer<JsonObject> listener : List.copyOf(listeners)) {
      try {
        listener.accept(event);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "acp: a listener of session " + sessionId + " failed", e);
      }
    }
    return event;
  }

  /** Adds a listener; the returned action removes it. */
  public Runnable listen(Consumer<JsonObject> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  public int listenerCount() {
    return listeners.size();
  }

  /** The kept events after {@code seq}, oldest first. */
  public List<JsonObject> after(long afterSeq) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonObject event : kept) {
      if (event.getLong("seq") > afterSeq) {
        out.add(event);
      }
    }
    return out;
  }

  public long lastSeq() {
    return seq;
  }
}
