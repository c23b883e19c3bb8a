package io.ghcapi.gateway.models;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** One entry of Copilot's model list, with typed reads of the parts the gateway uses. */
public record CopilotModel(JsonObject raw) {

  public String id() {
    return raw.getString("id");
  }

  public String displayName() {
    return raw.getString("name", id());
  }

  public String vendor() {
    return raw.getString("vendor", "unknown");
  }

  public boolean preview() {
    return raw.getBoolean("preview", false);
  }

  public boolean supportsEndpoint(String endpoint) {
    JsonArray endpoints = raw.getJsonArray("supported_endpoints");
    return endpoints != null && endpoints.contains(endpoint);
  }

  public boolean isEmbedding() {
    return "embeddings".equals(capabilities().getString("type"));
  }

  public Long contextWindow() {
    return limits().getLong("max_context_window_tokens");
  }

  public Long maxPromptTokens() {
    return limits().getLong("max_prompt_tokens");
  }

  public Long maxOutputTokens() {
    return limits().getLong("max_output_tokens");
  }

  public boolean supports(String feature) {
    JsonObject supports = capabilities().getJsonObject("supports", new JsonObject());
    return Boolean.TRUE.equals(supports.getValue(feature));
  }

  /** The {@code reasoning_effort} values the model accepts; empty when it takes none. */
  public List<String> reasoningEfforts() {
    JsonObject supports = capabilities().getJsonObject("supports", new JsonObject());
    if (!(supports.getValue("reasoning_effort") instanceof JsonArray efforts)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    efforts.forEach(effort -> {
      if (effort instanceof String e) {
        out.add(e);
      }
    });
    return out;
  }

  /** Claude models: Copilot's chat endpoint takes their thinking and reasoning fields. */
  public boolean claudeFamily() {
    return id().startsWith("claude") || "Anthropic".equalsIgnoreCase(vendor());
  }

  private JsonObject capabilities() {
    return raw.getJsonObject("capabilities", new JsonObject());
  }

  private JsonObject limits() {
    return capabilities().getJsonObject("limits", new JsonObject());
  }
}
