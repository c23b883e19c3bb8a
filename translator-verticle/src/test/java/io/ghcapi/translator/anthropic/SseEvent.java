package io.ghcapi.translator.anthropic;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** One parsed Anthropic SSE frame, for assertions. */
record SseEvent(String name, JsonObject data) {

  static List<SseEvent> parse(String sse) {
    List<SseEvent> events = new ArrayList<>();
    for (String frame : sse.split("\n\n")) {
      if (frame.isBlank()) {
        continue;
      }
      String name = null;
      String data = null;
      for (String line : frame.split("\n")) {
        if (line.startsWith("event: ")) {
          name = line.substring("event: ".length());
        } else if (line.startsWith("data: ")) {
          data = line.substring("data: ".length());
        }
      }
      events.add(new SseEvent(name, data == null || !data.startsWith("{") ? null : new JsonObject(data)));
    }
    return events;
  }

  JsonObject delta() {
    return data.getJsonObject("delta");
  }

  String deltaType() {
    return delta() == null ? null : delta().getString("type");
  }

  /** A short form for sequence assertions: {@code content_block_start(0,text)}, {@code text_delta(Hi)}... */
  String brief() {
    return switch (name) {
      case "content_block_start" -> name + "(" + data.getInteger("index") + "," + data.getJsonObject("content_block").getString("type") + ")";
      case "content_block_stop" -> name + "(" + data.getInteger("index") + ")";
      case "content_block_delta" -> switch (deltaType()) {
        case "text_delta" -> "text_delta(" + delta().getString("text") + ")";
        case "input_json_delta" -> "input_json_delta(" + delta().getString("partial_json") + ")";
        case "thinking_delta" -> "thinking_delta(" + delta().getString("thinking") + ")";
        case "signature_delta" -> "signature_delta(" + delta().getString("signature") + ")";
        default -> deltaType();
      };
      case "message_delta" -> name + "(" + delta().getString("stop_reason") + ")";
      default -> name;
    };
  }
}
