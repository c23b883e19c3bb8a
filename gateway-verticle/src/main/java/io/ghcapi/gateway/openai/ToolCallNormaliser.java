package io.ghcapi.gateway.openai;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * Makes Copilot's streamed tool calls look like OpenAI's, which strict clients need: tool call indexes
 * renumbered densely (0, 1, 2… in order of first appearance, per choice), {@code content: null} beside
 * {@code tool_calls}, and {@code arguments: ""} on a first fragment that names the function without any.
 *
 * <p>A fragment with a new {@code id} starts a new call even when the upstream reuses an index (some
 * models send every call at index 0); a fragment without an id continues the call its index points to,
 * or the latest call.
 */
final class ToolCallNormaliser {

  private static final class ChoiceCalls {
    final Map<Integer, Integer> denseByUpstreamIndex = new HashMap<>();
    final Map<Integer, String> idByDense = new HashMap<>();
    int next;
    int latest = -1;
  }

  private final Map<Integer, ChoiceCalls> choices = new HashMap<>();

  /** Normalises the chunk in place; returns whether anything changed. */
  boolean normalise(JsonObject chunk) {
    if (!(chunk.getValue("choices") instanceof JsonArray list)) {
      return false;
    }
    boolean changed = false;
    for (Object item : list) {
      if (item instanceof JsonObject choice && choice.getValue("delta") instanceof JsonObject delta
          && delta.getValue("tool_calls") instanceof JsonArray calls) {
        int choiceIndex = choice.getValue("index") instanceof Number n ? n.intValue() : 0;
        changed |= normaliseDelta(choices.computeIfAbsent(choiceIndex, i -> new ChoiceCalls()), delta, calls);
      }
    }
    return changed;
  }

  private static boolean normaliseDelta(ChoiceCalls state, JsonObject delta, JsonArray calls) {
    boolean changed = false;
    if (!delta.containsKey("content")) {
      delta.putNull("content");
      changed = true;
    }
    for (Object item : calls) {
      if (!(item instanceof JsonObject call)) {
        continue;
      }
      int dense = denseIndex(state, call);
      if (!(call.getValue("index") instanceof Number n) || n.intValue() != dense) {
        call.put("index", dense);
        changed = true;
      }
      if (call.getValue("function") instanceof JsonObject function
          && function.getValue("name") != null && !function.containsKey("arguments")) {
        function.put("arguments", "");
        changed = true;
      }
    }
    return changed;
  }

  private static int denseIndex(ChoiceCalls state, JsonObject call) {
    Integer upstreamIndex = call.getValue("index") instanceof Number n ? n.intValue() : null;
    String id = call.getValue("id") instanceof String s && !s.isEmpty() ? s : null;
    Integer mapped = upstreamIndex == null ? null : state.denseByUpstreamIndex.get(upstreamIndex);
    boolean continues = id == null ? (mapped != null || state.latest >= 0)
        : mapped != null && id.equals(state.idByDense.get(mapped));
    int dense;
    if (continues) {
      dense = mapped != null ? mapped : state.latest;
    } else {
      dense = state.next++;
      if (upstreamIndex != null) {
        state.denseByUpstreamIndex.put(upstreamIndex, dense);
      }
      if (id != null) {
        state.idByDense.put(dense, id);
      }
    }
    state.latest = dense;
    return dense;
  }
}
