package io.ghcapi.translator.anthropic;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a text of Anthropic server-sent events against the Messages streaming grammar, as strictly as a
 * client such as Claude Code relies on it. Returns the violations found, empty for a valid stream.
 *
 * <p>A valid stream is {@code message_start}, then content blocks numbered 0, 1, 2... (each started, given
 * deltas of its own kind, and stopped before the next starts; no text block without text; a tool block's
 * {@code input_json_delta} fragments forming a JSON object), then exactly one {@code message_delta} with a
 * valid stop reason, then {@code message_stop}. {@code ping} may come anywhere after {@code message_start}.
 * Alternatively a valid prefix of that may end with one {@code error} event. Every frame has an
 * {@code event:} line and one JSON {@code data:} whose {@code type} is the event's name; there is no
 * {@code [DONE]}, and nothing follows {@code message_stop} or {@code error}.
 */
public final class AnthropicSseGrammar {

  public static final Set<String> STOP_REASONS =
      Set.of("end_turn", "max_tokens", "stop_sequence", "tool_use", "pause_turn", "refusal", "model_context_window_exceeded");

  private static final Set<String> BLOCK_TYPES = Set.of("text", "thinking", "redacted_thinking", "tool_use");

  private final List<String> violations = new ArrayList<>();
  private int frame;
  private boolean messageStarted;
  private boolean messageDeltaSeen;
  private boolean ended;
  private String endedBy;
  private int nextIndex;
  private String openType;
  private int openIndex = -1;
  private boolean openTextHasText;
  private final StringBuilder openToolJson = new StringBuilder();

  private AnthropicSseGrammar() {
  }

  /** The grammar violations in {@code sseText}, each naming the frame (counted from 1) where it was found. */
  public static List<String> violations(String sseText) {
    AnthropicSseGrammar grammar = new AnthropicSseGrammar();
    grammar.check(sseText);
    return grammar.violations;
  }

  private void check(String sseText) {
    String normalized = sseText.replace("\r\n", "\n").replace('\r', '\n');
    for (String rawFrame : normalized.split("\n\n")) {
      if (rawFrame.isBlank()) {
        continue;
      }
      frame++;
      frame(rawFrame);
    }
    if (frame == 0) {
      violations.add("the stream is empty");
    } else if (!ended) {
      violations.add("the stream ends without message_stop or error");
    }
  }

  private void frame(String rawFrame) {
    String event = null;
    StringBuilder data = null;
    for (String line : rawFrame.split("\n", -1)) {
      if (line.isEmpty() || line.startsWith(":")) {
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      switch (field) {
        case "event" -> {
          if (event != null) {
            violate("two event lines in one frame");
          }
          event = value;
        }
        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        default -> violate("unexpected SSE field '" + field + "'");
      }
    }
    if (data == null) {
      if (event != null) {
        violate("event '" + event + "' has no data line");
      }
      return;
    }
    if ("[DONE]".equals(data.toString().trim())) {
      violate("data: [DONE] does not exist in Anthropic streams");
      return;
    }
    if (event == null) {
      violate("a data line without an event line");
      return;
    }
    JsonObject json;
    try {
      json = Json.decodeValue(data.toString()) instanceof JsonObject object ? object : null;
    } catch (DecodeException e) {
      json = null;
    }
    if (json == null) {
      violate("data of '" + event + "' is not a JSON object");
      return;
    }
    if (!event.equals(json.getValue("type"))) {
      violate("data type '" + json.getValue("type") + "' differs from event '" + event + "'");
    }
    event(event, json);
  }

  private void event(String event, JsonObject data) {
    if (ended) {
      violate("'" + event + "' after " + endedBy);
      return;
    }
    if ("error".equals(event)) {
      error(data);
      return;
    }
    if (!messageStarted && !"message_start".equals(event)) {
      violate("the first event is '" + event + "', not message_start");
      messageStarted = true;
    }
    switch (event) {
      case "message_start" -> messageStart(data);
      case "ping" -> {
      }
      case "content_block_start" -> blockStart(data);
      case "content_block_delta" -> blockDelta(data);
      case "content_block_stop" -> blockStop(data);
      case "message_delta" -> messageDelta(data);
      case "message_stop" -> messageStop();
      default -> violate("unknown event '" + event + "'");
    }
  }

  private void error(JsonObject data) {
    JsonObject error = data.getValue("error") instanceof JsonObject e ? e : null;
    if (error == null || !(error.getValue("type") instanceof String) || !(error.getValue("message") instanceof String)) {
      violate("an error event needs error.type and error.message");
    }
    ended = true;
    endedBy = "error";
  }

  private void messageStart(JsonObject data) {
    if (messageStarted) {
      violate("a second message_start");
      return;
    }
    messageStarted = true;
    JsonObject message = data.getValue("message") instanceof JsonObject m ? m : null;
    if (message == null) {
      violate("message_start without a message");
      return;
    }
    if (!"message".equals(message.getValue("type")) || !"assistant".equals(message.getValue("role"))) {
      violate("message_start.message needs type 'message' and role 'assistant'");
    }
    if (!(message.getValue("id") instanceof String)) {
      violate("message_start.message has no id");
    }
    if (!(message.getValue("content") instanceof JsonArray content) || !content.isEmpty()) {
      violate("message_start.message.content must be []");
    }
    if (message.getValue("stop_reason") != null) {
      violate("message_start.message.stop_reason must be null");
    }
    if (!(message.getValue("usage") instanceof JsonObject usage) || !(usage.getValue("input_tokens") instanceof Number)) {
      violate("message_start.message.usage.input_tokens is missing");
    }
  }

  private void blockStart(JsonObject data) {
    Integer index = index(data, "content_block_start");
    JsonObject block = data.getValue("content_block") instanceof JsonObject b ? b : null;
    if (openType != null) {
      violate("content_block_start " + index + " while block " + openIndex + " is open");
    }
    if (messageDeltaSeen) {
      violate("content_block_start after message_delta");
    }
    if (index == null || index != nextIndex) {
      violate("content_block_start index " + index + ", expected " + nextIndex);
    }
    String type = block == null ? null : block.getString("type");
    if (type == null || !BLOCK_TYPES.contains(type)) {
      violate("content_block_start with block type " + type);
      type = "unknown";
    }
    if ("tool_use".equals(type) && (!(block.getValue("id") instanceof String id) || !id.matches("[a-zA-Z0-9_-]+")
        || !(block.getValue("name") instanceof String name) || name.isEmpty())) {
      violate("a tool_use block needs an id matching [a-zA-Z0-9_-]+ and a name");
    }
    if ("text".equals(type) && !"".equals(block.getValue("text"))) {
      violate("a text block must start with text \"\"");
    }
    openType = type;
    openIndex = index == null ? nextIndex : index;
    nextIndex = openIndex + 1;
    openTextHasText = false;
    openToolJson.setLength(0);
  }

  private void blockDelta(JsonObject data) {
    Integer index = index(data, "content_block_delta");
    if (openType == null || index == null || index != openIndex) {
      violate("content_block_delta for block " + index + ", which is not open");
      return;
    }
    JsonObject delta = data.getValue("delta") instanceof JsonObject d ? d : new JsonObject();
    String type = String.valueOf(delta.getValue("type"));
    String expectedKind = switch (type) {
      case "text_delta", "citations_delta" -> "text";
      case "input_json_delta" -> "tool_use";
      case "thinking_delta", "signature_delta" -> "thinking";
      default -> null;
    };
    if (!openType.equals(expectedKind)) {
      violate(type + " in a " + openType + " block");
      return;
    }
    switch (type) {
      case "text_delta" -> {
        if (delta.getValue("text") instanceof String text) {
          openTextHasText |= !text.isEmpty();
        } else {
          violate("text_delta without text");
        }
      }
      case "input_json_delta" -> {
        if (delta.getValue("partial_json") instanceof String json) {
          openToolJson.append(json);
        } else {
          violate("input_json_delta without partial_json");
        }
      }
      case "thinking_delta" -> requireString(delta, "thinking");
      case "signature_delta" -> requireString(delta, "signature");
      default -> {
      }
    }
  }

  private void blockStop(JsonObject data) {
    Integer index = index(data, "content_block_stop");
    if (openType == null || index == null || index != openIndex) {
      violate("content_block_stop for block " + index + ", which is not open");
      return;
    }
    if ("text".equals(openType) && !openTextHasText) {
      violate("text block " + index + " is empty");
    }
    if ("tool_use".equals(openType)) {
      String json = openToolJson.toString();
      boolean isObject;
      try {
        isObject = json.isBlank() || Json.decodeValue(json) instanceof JsonObject;
      } catch (DecodeException e) {
        isObject = false;
      }
      if (!isObject) {
        violate("the input_json_delta fragments of tool block " + index + " do not form a JSON object: " + json);
      }
    }
    openType = null;
  }

  private void messageDelta(JsonObject data) {
    if (openType != null) {
      violate("message_delta while block " + openIndex + " is open");
    }
    if (messageDeltaSeen) {
      violate("a second message_delta");
    }
    messageDeltaSeen = true;
    JsonObject delta = data.getValue("delta") instanceof JsonObject d ? d : new JsonObject();
    Object stopReason = delta.getValue("stop_reason");
    if (!(stopReason instanceof String reason) || !STOP_REASONS.contains(reason)) {
      violate("message_delta has an invalid stop_reason: " + stopReason);
    }
    if (!(data.getValue("usage") instanceof JsonObject usage) || !(usage.getValue("output_tokens") instanceof Number)) {
      violate("message_delta.usage.output_tokens is missing");
    }
  }

  private void messageStop() {
    if (!messageDeltaSeen) {
      violate("message_stop without a message_delta");
    }
    ended = true;
    endedBy = "message_stop";
  }

  private Integer index(JsonObject data, String event) {
    if (data.getValue("index") instanceof Number number) {
      return number.intValue();
    }
    violate(event + " without an index");
    return null;
  }

  private void requireString(JsonObject delta, String key) {
    if (!(delta.getValue(key) instanceof String)) {
      violate(delta.getValue("type") + " without " + key);
    }
  }

  private void violate(String problem) {
    violations.add("frame " + frame + ": " + problem);
  }
}
