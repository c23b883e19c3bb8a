package io.ghcapi.translator.responses;

import io.ghcapi.translator.StreamError;
import io.ghcapi.translator.chat.ChatChunkSink;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Records what a stream pushes into the hub and rebuilds the message its chunks spell. */
final class ChatChunkRecorder implements ChatChunkSink {

  final List<JsonObject> chunks = new ArrayList<>();
  int doneCalls;
  final List<StreamError> errors = new ArrayList<>();

  @Override
  public void chunk(JsonObject chunk) {
    chunks.add(chunk);
  }

  @Override
  public void done() {
    doneCalls++;
  }

  @Override
  public void error(StreamError error) {
    errors.add(error);
  }

  List<JsonObject> deltas() {
    List<JsonObject> deltas = new ArrayList<>();
    for (JsonObject chunk : chunks) {
      JsonArray choices = chunk.getJsonArray("choices");
      if (!choices.isEmpty()) {
        deltas.add(choices.getJsonObject(0).getJsonObject("delta"));
      }
    }
    return deltas;
  }

  String joined(String field) {
    StringBuilder text = new StringBuilder();
    for (JsonObject delta : deltas()) {
      text.append(delta.getString(field, ""));
    }
    return text.toString();
  }

  /** Tool calls by index, fragments merged, as a Chat client accumulates them. */
  List<JsonObject> toolCalls() {
    Map<Integer, JsonObject> calls = new TreeMap<>();
    for (JsonObject delta : deltas()) {
      JsonArray fragments = delta.getJsonArray("tool_calls");
      for (int i = 0; fragments != null && i < fragments.size(); i++) {
        JsonObject fragment = fragments.getJsonObject(i);
        JsonObject call = calls.computeIfAbsent(fragment.getInteger("index"), index -> new JsonObject()
            .put("function", new JsonObject().put("arguments", "")));
        if (fragment.getString("id") != null) {
          call.put("id", fragment.getString("id")).put("type", fragment.getString("type"));
        }
        JsonObject function = fragment.getJsonObject("function");
        if (function.getString("name") != null) {
          call.getJsonObject("function").put("name", function.getString("name"));
        }
        JsonObject merged = call.getJsonObject("function");
        merged.put("arguments", merged.getString("arguments") + function.getString("arguments", ""));
      }
    }
    return new ArrayList<>(calls.values());
  }

  String finishReason() {
    String reason = null;
    for (JsonObject chunk : chunks) {
      JsonArray choices = chunk.getJsonArray("choices");
      if (!choices.isEmpty() && choices.getJsonObject(0).getString("finish_reason") != null) {
        reason = choices.getJsonObject(0).getString("finish_reason");
      }
    }
    return reason;
  }

  JsonObject usage() {
    JsonObject usage = null;
    for (JsonObject chunk : chunks) {
      if (chunk.getJsonObject("usage") != null) {
        usage = chunk.getJsonObject("usage");
      }
    }
    return usage;
  }
}
