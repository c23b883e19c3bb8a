package io.ghcapi.gateway.anthropic;

import io.ghcapi.gateway.models.CopilotModel;
import io.ghcapi.gateway.util.Counters;
import io.ghcapi.translator.Warnings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * What Copilot's own {@code /v1/messages} rejects that Anthropic's API accepts, fixed in place before a
 * native call: fields outside its schema (dropped and reported), tool fields its older schema refuses,
 * {@code cache_control.scope}, empty text blocks in the history, a {@code max_tokens} not above the
 * thinking budget, and thinking/effort settings the model does not take.
 */
public final class NativeMessagesFixes {

  private static final Set<String> FIELDS = Set.of("model", "messages", "max_tokens", "system", "metadata",
      "stop_sequences", "stream", "temperature", "top_p", "top_k", "tools", "tool_choice", "thinking", "service_tier",
      "output_config");
  private static final Set<String> CUSTOM_TOOL_FIELDS = Set.of("type", "name", "description", "input_schema",
      "cache_control");

  private final Counters counters;

  public NativeMessagesFixes(Counters counters) {
    this.counters = counters;
  }

  public void apply(JsonObject request, CopilotModel model, Warnings warnings) {
    dropUnknownFields(request, warnings);
    if (request.getValue("tools") instanceof JsonArray tools) {
      tools.forEach(tool -> fixTool(tool));
    }
    removeCacheScopes(request);
    if (request.getValue("messages") instanceof JsonArray messages) {
      messages.forEach(message -> dropEmptyText(message));
    }
    adaptThinking(request, model);
    raiseMaxTokensAboveBudget(request);
  }

  private void dropUnknownFields(JsonObject request, Warnings warnings) {
    Iterator<String> names = request.fieldNames().iterator();
    while (names.hasNext()) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        names.remove();
        warnings.add("field.unsupported_dropped." + name);
        counters.increment("mod.unsupported_field_filter");
      }
    }
  }

  /** Claude Code sends tool fields (eager_input_streaming, defer_loading...) Copilot answers 400 for. */
  private static void fixTool(Object item) {
    if (item instanceof JsonObject tool && tool.containsKey("input_schema")) {
      tool.fieldNames().removeIf(name -> !CUSTOM_TOOL_FIELDS.contains(name));
    }
  }

  private static void removeCacheScopes(JsonObject request) {
    removeScopes(request.getValue("tools"));
    removeScopes(request.getValue("system"));
    if (request.getValue("messages") instanceof JsonArray messages) {
      for (Object message : messages) {
        if (message instanceof JsonObject m) {
          removeScopes(m.getValue("content"));
        }
      }
    }
  }

  private static void removeScopes(Object blocks) {
    if (!(blocks instanceof JsonArray list)) {
      return;
    }
    for (Object item : list) {
      if (item instanceof JsonObject block && block.getValue("cache_control") instanceof JsonObject cache) {
        cache.remove("scope");
      }
    }
  }

  /** Empty text blocks are refused when replayed ("text content blocks must be non-empty"). */
  private static void dropEmptyText(Object item) {
    if (!(item instanceof JsonObject message) || !(message.getValue("content") instanceof JsonArray blocks)) {
      return;
    }
    JsonArray kept = new JsonArray();
    for (Object block : blocks) {
      boolean emptyText = block instanceof JsonObject b && "text".equals(b.getString("type"))
          && (!(b.getValue("text") instanceof String text) || text.isBlank());
      if (!emptyText) {
        kept.add(block);
      }
    }
    if (kept.size() != blocks.size()) {
      message.put("content", kept.isEmpty() ? new JsonArray().add(new JsonObject().put("type", "text").put("text", "..."))
          : kept);
    }
  }

  /**
   * Models that take a reasoning effort want adaptive thinking with an effort, not a token budget; an
   * effort the model does not list makes Copilot refuse the whole request, so it is dropped.
   */
  private void adaptThinking(JsonObject request, CopilotModel model) {
    List<String> efforts = model.reasoningEfforts();
    JsonObject outputConfig = request.getValue("output_config") instanceof JsonObject o ? o : null;
    if (request.getValue("thinking") instanceof JsonObject thinking && "enabled".equals(thinking.getString("type"))
        && !efforts.isEmpty()) {
      long budget = thinking.getValue("budget_tokens") instanceof Number n ? n.longValue() : 0;
      request.put("thinking", new JsonObject().put("type", "adaptive"));
      if (outputConfig == null) {
        outputConfig = new JsonObject();
        request.put("output_config", outputConfig);
      }
      if (!outputConfig.containsKey("effort")) {
        outputConfig.put("effort", budget > 0 && budget < 4096 ? "low" : budget < 16384 ? "medium" : "high");
      }
      counters.increment("mod.thinking_protocol_translate");
    }
    if (outputConfig != null && outputConfig.getValue("effort") instanceof String effort && !efforts.contains(effort)) {
      request.remove("output_config");
      counters.increment("mod.effort_policy_filter");
    }
  }

  private static void raiseMaxTokensAboveBudget(JsonObject request) {
    if (request.getValue("thinking") instanceof JsonObject thinking
        && thinking.getValue("budget_tokens") instanceof Number budget
        && request.getValue("max_tokens") instanceof Number maxTokens
        && budget.longValue() > 0 && maxTokens.longValue() <= budget.longValue()) {
      request.put("max_tokens", budget.longValue() + Math.min(16_384, budget.longValue()));
    }
  }
}
