package io.ghcapi.gateway.anthropic;

import io.ghcapi.gateway.util.Counters;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Supplier;
import io.ghcapi.gateway.config.GatewayConfig;

/**
 * The operator's edits to Anthropic requests (seed §4.2), applied in place before any routing: strings
 * removed from and added to the system prompt, Claude Code's per-request billing header block removed
 * (it changes every request and would defeat prompt caching upstream), and suffixes cut from string tool
 * results.
 */
public final class ContentFilters {

  static final String BILLING_HEADER_PREFIX = "x-anthropic-billing-header:";

  private final Supplier<GatewayConfig> config;
  private final Counters counters;

  public ContentFilters(Supplier<GatewayConfig> config, Counters counters) {
    this.config = config;
    this.counters = counters;
  }

  public void apply(JsonObject request) {
    GatewayConfig settings = config.get();
    new Pass(settings.systemPromptRemove(), settings.systemPromptAdd(), settings.toolResultSuffixRemove())
        .apply(request);
  }

  /** One request's filtering, with the lists as they were when it began. */
  private final class Pass {
    private final List<String> systemRemove;
    private final List<String> systemAdd;
    private final List<String> toolResultSuffixRemove;

    Pass(List<String> systemRemove, List<String> systemAdd, List<String> toolResultSuffixRemove) {
      this.systemRemove = systemRemove;
      this.systemAdd = systemAdd;
      this.toolResultSuffixRemove = toolResultSuffixRemove;
    }

    void apply(JsonObject request) {
      filterSystem(request);
      if (!toolResultSuffixRemove.isEmpty() && request.getValue("messages") instanceof JsonArray messages) {
        messages.forEach(message -> trimToolResults(message));
      }
    }

    private void filterSystem(JsonObject request) {
      Object system = request.getValue("system");
      if (system instanceof String text) {
        String filtered = removeAll(text);
        for (String add : systemAdd) {
          if (!filtered.contains(add)) {
            filtered = filtered.isEmpty() ? add : filtered + "\n\n" + add;
            counters.increment("mod.system_prompt_add");
          }
        }
        request.put("system", filtered);
      } else if (system instanceof JsonArray blocks) {
        request.put("system", filterBlocks(blocks));
      } else if (system == null && !systemAdd.isEmpty()) {
        JsonArray added = new JsonArray();
        systemAdd.forEach(add -> added.add(new JsonObject().put("type", "text").put("text", add)));
        counters.increment("mod.system_prompt_add");
        request.put("system", added);
      }
    }

    private JsonArray filterBlocks(JsonArray blocks) {
      JsonArray kept = new JsonArray();
      StringBuilder originalText = new StringBuilder();
      for (Object item : blocks) {
        if (item instanceof JsonObject block && "text".equals(block.getString("type"))
            && block.getValue("text") instanceof String text) {
          originalText.append(text).append('\n');
          if (text.startsWith(BILLING_HEADER_PREFIX)) {
            counters.increment("mod.billing_header_removal");
            continue;
          }
          kept.add(block.copy().put("text", removeAll(text)));
        } else {
          kept.add(item);
        }
      }
      for (String add : systemAdd) {
        if (originalText.indexOf(add) < 0) {
          kept.add(new JsonObject().put("type", "text").put("text", add));
          counters.increment("mod.system_prompt_add");
        }
      }
      return kept;
    }

    private String removeAll(String text) {
      String result = text;
      for (String remove : systemRemove) {
        if (!remove.isEmpty() && result.contains(remove)) {
          result = result.replace(remove, "");
          counters.increment("mod.system_prompt_remove");
        }
      }
      return result;
    }

    private void trimToolResults(Object message) {
      if (!(message instanceof JsonObject m) || !(m.getValue("content") instanceof JsonArray blocks)) {
        return;
      }
      for (Object item : blocks) {
        if (item instanceof JsonObject block && "tool_result".equals(block.getString("type"))
            && block.getValue("content") instanceof String content) {
          String trimmed = content;
          for (String suffix : toolResultSuffixRemove) {
            if (!suffix.isEmpty() && trimmed.endsWith(suffix)) {
              trimmed = trimmed.substring(0, trimmed.length() - suffix.length());
              counters.increment("mod.tool_result_suffix_remove");
            }
          }
          block.put("content", trimmed);
        }
      }
    }
  }
}
