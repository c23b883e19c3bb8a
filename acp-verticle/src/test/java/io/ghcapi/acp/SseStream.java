package io.ghcapi.acp;

import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A server-sent-event stream read by a test: events are parsed as they arrive and taken one at a time, with
 * deadlines, from the test thread.
 */
public final class SseStream {

  /** One event: its name and its JSON data. */
  public record Event(String name, JsonObject data) {
    public String type() {
      return data.getString("type", name);
    }
  }

  private static final Event END = new Event("<end>", new JsonObject());

  private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
  private final List<Event> seen = new CopyOnWriteArrayList<>();
  private final StringBuilder pending = new StringBuilder();
  private final int status;
  private final String errorBody;
  private final HttpClientRequest request;
  private volatile boolean ended;

  private SseStream(int status, String errorBody, HttpClientRequest request) {
    this.status = status;
    this.errorBody = errorBody;
    this.request = request;
  }

  static SseStream error(int status, String body) {
    SseStream stream = new SseStream(status, body, null);
    stream.ended = true;
    return stream;
  }

  static SseStream open(HttpClientRequest request, HttpClientResponse response) {
    SseStream stream = new SseStream(response.statusCode(), null, request);
    response.handler(stream::take);
    response.endHandler(v -> stream.finish());
    response.exceptionHandler(e -> stream.finish());
    return stream;
  }

  public int status() {
    return status;
  }

  /** The error body when the stream was refused. */
  public JsonObject errorBody() {
    return errorBody == null ? null : new JsonObject(errorBody);
  }

  private synchronized void take(Buffer chunk) {
    pending.append(chunk.toString());
    int end;
    while ((end = pending.indexOf("\n\n")) >= 0) {
      String frame = pending.substring(0, end);
      pending.delete(0, end + 2);
      String name = "message";
      StringBuilder data = new StringBuilder();
      for (String line : frame.split("\n")) {
        if (line.startsWith("event: ")) {
          name = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data.append(line.substring(6));
        }
      }
      if (data.length() > 0) {
        Event event = new Event(name, new JsonObject(data.toString()));
        seen.add(event);
        queue.add(event);
      }
    }
  }

  private void finish() {
    ended = true;
    queue.add(END);
  }

  /** The next event, failing after the deadline; null when the stream ended. */
  public Event next(long seconds) {
    try {
      Event event = queue.poll(seconds, TimeUnit.SECONDS);
      if (event == null) {
        fail("no event within " + seconds + " s; seen: " + names());
      }
      if (event == END) {
        queue.add(END);
        return null;
      }
      return event;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Skips events until one matches; fails when the stream ends first. */
  public Event until(Predicate<Event> wanted, long seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      long left = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime()));
      Event event = next(left);
      if (event == null) {
        fail("the stream ended before the expected event; seen: " + names());
      }
      if (wanted.test(event)) {
        return event;
      }
      if (System.nanoTime() > deadline) {
        fail("no matching event within " + seconds + " s; seen: " + names());
      }
    }
  }

  public Event until(String type, long seconds) {
    return until(event -> event.name().equals(type), seconds);
  }

  /** Reads to the end of the stream; returns every event seen (including earlier ones). */
  public List<Event> drain(long seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      long left = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime()));
      if (next(left) == null) {
        return new ArrayList<>(seen);
      }
    }
  }

  public List<Event> seen() {
    return new ArrayList<>(seen);
  }

  public boolean ended() {
    return ended;
  }

  /** The text of every agent_message_chunk seen, joined. */
  public String agentText() {
    StringBuilder text = new StringBuilder();
    for (Event event : seen) {
      JsonObject update = event.data().getJsonObject("update");
      if (update != null && "agent_message_chunk".equals(update.getString("sessionUpdate"))) {
        text.append(update.getJsonObject("content").getString("text", ""));
      }
    }
    return text.toString();
  }

  public List<String> names() {
    List<String> names = new ArrayList<>();
    for (Event event : seen) {
      JsonObject update = event.data().getJsonObject("update");
      names.add(update == null ? event.name() : event.name() + ":" + update.getString("sessionUpdate"));
    }
    return names;
  }

  /** Leaves the stream (the browser goes away). */
  public void close() {
    if (request != null) {
      request.connection().close();
    }
  }
}
