package io.ghcapi.gateway.responses;

import io.ghcapi.gateway.util.Counters;
import io.ghcapi.translator.Warnings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * What Copilot's {@code /responses} refuses, fixed in place before a pass-through (seed §2.3): a blank tool
 * description (Copilot answers 400) gets a neutral one, and hosted tools it does not run are removed and
 * reported: image generation always, web search except on GPT models.
 */
public final class ResponsesFixes {

  private final Counters counters;

  public ResponsesFixes(Counters counters) {
    this.counters = counters;
  }

  public void apply(JsonObject request, String upstreamModel, Warnings warnings) {
    if (request.getValue("tools") instanceof JsonArray tools) {
      request.put("tools", filterTools(tools, upstreamModel, warnings));
      describeBlankTools(request.getJsonArray("tools"));
    }
    if (request.getValue("input") instanceof JsonArray input) {
      for (Object item : input) {
        if (item instanceof JsonObject object && object.getValue("tools") instanceof JsonArray tools) {
          describeBlankTools(tools);
        }
      }
    }
  }

  private JsonArray filterTools(JsonArray tools, String model, Warnings warnings) {
    boolean gpt = model.toLowerCase(Locale.ROOT).startsWith("gpt-");
    JsonArray kept = new JsonArray();
    for (Object item : tools) {
      String type = item instanceof JsonObject tool ? tool.getString("type", "") : "";
      if (type.equals("image_generation") || (type.startsWith("web_search") && !gpt)) {
        warnings.add("tool.hosted_tool_dropped." + type);
        counters.increment("mod.responses_tool_filter");
        continue;
      }
      kept.add(item);
    }
    return kept;
  }

  private void describeBlankTools(JsonArray tools) {
    for (Object item : tools) {
      if (!(item instanceof JsonObject tool)) {
        continue;
      }
      if (tool.getValue("description") instanceof String description && description.isBlank()) {
        String name = tool.getString("name", "unnamed");
        tool.put("description", "namespace".equals(tool.getString("type"))
            ? "Tools in the " + name + " namespace." : "Tool: " + name + ".");
        counters.increment("mod.blank_tool_description");
      }
      if (tool.getValue("tools") instanceof JsonArray nested) {
        describeBlankTools(nested);
      }
    }
  }
}
