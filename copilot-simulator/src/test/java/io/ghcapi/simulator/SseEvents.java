package io.ghcapi.simulator;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A minimal SSE parser for assertions: splits a body into events with their optional {@code event:} name. */
record SseEvents(List<Event> events) {

  record Event(String name, String data) {
    JsonObject json() {
      return new JsonObject(data);
    }
  }

  static SseEvents parse(String body) {
    List<Event> events = new ArrayList<>();
    for (String block : body.split("\n\n")) {
      if (block.isBlank()) {
        continue;
      }
      String name = null;
      StringBuilder data = new StringBuilder();
      for (String line : block.split("\n")) {
        if (line.startsWith("event: ")) {
          name = line.substring("event: ".length());
        } else if (line.startsWith("data: ")) {
          data.append(line.substring("data: ".length()));
        } else {
          throw new AssertionError("unexpected SSE line: " + line);
        }
      }
      events.add(new Event(name, data.toString()));
    }
    return new SseEvents(events);
  }

  List<String> names() {
    return events.stream().map(Event::name).collect(Collectors.toList());
  }

  List<JsonObject> jsonData() {
    return events.stream().filter(e -> !e.data().equals("[DONE]")).map(Event::json).collect(Collectors.toList());
  }

  List<JsonObject> ofType(String type) {
    return jsonData().stream().filter(json -> type.equals(json.getString("type"))).collect(Collectors.toList());
  }

  Event last() {
    return events.get(events.size() - 1);
  }

  int size() {
    return events.size();
  }
}
