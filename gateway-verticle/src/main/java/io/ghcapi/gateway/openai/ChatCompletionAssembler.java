package io.ghcapi.gateway.openai;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Rebuilds the {@code chat.completion} a stream amounts to, for the history: content concatenated, tool
 * calls merged by index, the last finish reason and usage. Holds at most {@code maxChars} of text; past
 * that the result is marked {@code "_truncated": true}.
 */
final class ChatCompletionAssembler {

  private static final class Choice {
    final StringBuilder content = new StringBuilder();
    final StringBuilder reasoning = new StringBuilder();
    final TreeMap<Integer, ToolCall> toolCalls = new TreeMap<>();
    String role;
    Object finishReason;
  }

  private static final class ToolCall {
    String id;
    String type;
    String name;
    final StringBuilder arguments = new StringBuilder();
  }

  private final long maxChars;
  private final TreeMap<Integer, Choice> choices = new TreeMap<>();
  private JsonObject first;
  private JsonObject usage;
  private long chars;
  private boolean truncated;

  ChatCompletionAssembler(long maxChars) {
    this.maxChars = maxChars <= 0 ? Long.MAX_VALUE : maxChars;
  }

  void add(JsonObject chunk) {
    if (first == null && chunk.getValue("id") != null) {
      first = new JsonObject().put("id", chunk.getValue("id")).put("created", chunk.getValue("created"))
          .put("model", chunk.getValue("model"));
    }
    if (chunk.getValue("usage") instanceof JsonObject u) {
      usage = u;
    }
    if (!(chunk.getValue("choices") instanceof JsonArray list)) {
      return;
    }
    for (Object item : list) {
      if (item instanceof JsonObject choiceJson) {
        addChoice(choiceJson);
      }
    }
  }

  private void addChoice(JsonObject choiceJson) {
    int index = choiceJson.getValue("index") instanceof Number n ? n.intValue() : 0;
    Choice choice = choices.computeIfAbsent(index, i -> new Choice());
    if (choiceJson.getValue("finish_reason") != null) {
      choice.finishReason = choiceJson.getValue("finish_reason");
    }
    if (!(choiceJson.getValue("delta") instanceof JsonObject delta)) {
      return;
    }
    if (delta.getValue("role") instanceof String role) {
      choice.role = role;
    }
    append(choice.content, delta.getValue("content"));
    append(choice.reasoning, delta.getValue("reasoning_text"));
    if (delta.getValue("tool_calls") instanceof JsonArray calls) {
      for (Object callItem : calls) {
        if (callItem instanceof JsonObject call) {
          int callIndex = call.getValue("index") instanceof Number n ? n.intValue() : choice.toolCalls.size();
          ToolCall merged = choice.toolCalls.computeIfAbsent(callIndex, i -> new ToolCall());
          if (call.getValue("id") instanceof String id) {
            merged.id = id;
          }
          if (call.getValue("type") instanceof String type) {
            merged.type = type;
          }
          if (call.getValue("function") instanceof JsonObject function) {
            if (function.getValue("name") instanceof String name) {
              merged.name = name;
            }
            append(merged.arguments, function.getValue("arguments"));
          }
        }
      }
    }
  }

  private void append(StringBuilder target, Object text) {
    if (!(text instanceof String s) || s.isEmpty() || truncated) {
      return;
    }
    if (chars + s.length() > maxChars) {
      truncated = true;
      return;
    }
    chars += s.length();
    target.append(s);
  }

  boolean empty() {
    return first == null && choices.isEmpty();
  }

  JsonObject build() {
    JsonObject completion = new JsonObject()
        .put("id", first == null ? null : first.getValue("id"))
        .put("object", "chat.completion")
        .put("created", first == null ? null : first.getValue("created"))
        .put("model", first == null ? null : first.getValue("model"));
    List<Object> built = new ArrayList<>();
    choices.forEach((index, choice) -> {
      JsonObject message = new JsonObject()
          .put("role", choice.role == null ? "assistant" : choice.role)
          .put("content", choice.content.length() == 0 && !choice.toolCalls.isEmpty() ? null : choice.content.toString());
      if (choice.reasoning.length() > 0) {
        message.put("reasoning_text", choice.reasoning.toString());
      }
      if (!choice.toolCalls.isEmpty()) {
        JsonArray calls = new JsonArray();
        choice.toolCalls.values().forEach(call -> calls.add(new JsonObject().put("id", call.id)
            .put("type", call.type == null ? "function" : call.type)
            .put("function", new JsonObject().put("name", call.name).put("arguments", call.arguments.toString()))));
        message.put("tool_calls", calls);
      }
      built.add(new JsonObject().put("index", index).put("message", message).put("finish_reason", choice.finishReason));
    });
    completion.put("choices", new JsonArray(built));
    if (usage != null) {
      completion.put("usage", usage);
    }
    if (truncated) {
      completion.put("_truncated", true);
    }
    return completion;
  }

  JsonObject usage() {
    return usage;
  }
}
