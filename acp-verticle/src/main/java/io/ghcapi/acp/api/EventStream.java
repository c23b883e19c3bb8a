package io.ghcapi.acp.api;

import io.ghcapi.acp.session.AgentSession;
import io.ghcapi.bus.AdminCall;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Relays a session's events to one server-sent-event stream of the gateway ({@link AdminCall#streamTo()}),
 * each as an event named by its type, with a {@code ping} event whenever the session has been quiet for a
 * while (a long tool call), until the stream's last event or the browser leaving.
 */
final class EventStream {

  private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);
  /** The last event of a prompt's stream: its {@code done}. */
  static Predicate<JsonObject> endOfTurn(String promptId) {
    return event -> "done".equals(event.getString("type")) && promptId.equals(event.getString("prompt_id"));
  }

  /** The last event of a session's stream: its process has ended. */
  static Predicate<JsonObject> endOfSession() {
    return event -> "ended".equals(event.getString("type"));
  }

  private final Vertx vertx;
  private final String streamTo;
  private final Predicate<JsonObject> last;
  private final long pingMillis;
  private Runnable unlisten = () -> {
  };
  private MessageConsumer<JsonObject> leaving;
  private long pinger = -1;
  private long lastSent = System.nanoTime();
  private boolean finished;

  /**
   * @param last the event after which the stream ends
   */
  EventStream(Vertx vertx, String streamTo, Predicate<JsonObject> last, long pingMillis) {
    this.vertx = vertx;
    this.streamTo = streamTo;
    this.last = last;
    this.pingMillis = pingMillis;
  }

  /** Starts listening to the session (before anything is asked of it, so nothing is missed). */
  EventStream attach(AgentSession session) {
    unlisten = session.events().listen(this::forward);
    leaving = vertx.eventBus().localConsumer(streamTo + ".closed", gone -> finish(false));
    pinger = vertx.setPeriodic(Math.max(10, pingMillis / 2), t -> {
      if (System.nanoTime() - lastSent >= pingMillis * 1_000_000L) {
        send(AdminCall.event("ping", new JsonObject().put("at", Instant.now().toString())
            .put("status", session.status().wire()).put("running_prompt_id", session.runningPromptId())));
      }
    });
    return this;
  }

  /** Sends events from before the stream began (a late listener catching up). */
  void replay(Iterable<JsonObject> events) {
    events.forEach(this::forward);
  }

  void forward(JsonObject event) {
    if (finished) {
      return;
    }
    send(AdminCall.event(event.getString("type"), event));
    if (last.test(event)) {
      finish(true);
    }
  }

  /** Stops relaying without ending the stream (the call was refused; the gateway answers with the error). */
  void detach() {
    finish(false);
  }

  private void send(JsonObject message) {
    lastSent = System.nanoTime();
    vertx.eventBus().send(streamTo, message, LOCAL);
  }

  private void finish(boolean end) {
    if (finished) {
      return;
    }
    finished = true;
    unlisten.run();
    if (leaving != null) {
      leaving.unregister();
    }
    if (pinger >= 0) {
      vertx.cancelTimer(pinger);
    }
    if (end) {
      vertx.eventBus().send(streamTo, AdminCall.end(), LOCAL);
    }
  }
}
