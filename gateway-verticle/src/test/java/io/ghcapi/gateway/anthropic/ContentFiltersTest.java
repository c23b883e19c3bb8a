package io.ghcapi.gateway.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ghcapi.gateway.config.GatewayConfig;
import io.ghcapi.gateway.util.Counters;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentFiltersTest {

  private final Counters counters = new Counters();

  private ContentFilters filters(List<String> remove, List<String> add, List<String> suffixes) {
    GatewayConfig config = GatewayConfig.from(new JsonObject().put("system_prompt_remove", new JsonArray(remove))
        .put("system_prompt_add", new JsonArray(add)).put("tool_result_suffix_remove", new JsonArray(suffixes)));
    return new ContentFilters(() -> config, counters);
  }

  @Test
  void aStringSystemPromptLosesRemovedTextAndGainsAddedTextOnce() {
    ContentFilters filters = filters(List.of("Be verbose."), List.of("Answer in French."), List.of());
    JsonObject request = new JsonObject().put("system", "You help. Be verbose.");

    filters.apply(request);
    assertEquals("You help. \n\nAnswer in French.", request.getString("system"));

    filters.apply(request);
    assertEquals("You help. \n\nAnswer in French.", request.getString("system"), "added once only");
  }

  @Test
  void blockSystemPromptsDropTheBillingHeaderAndGetAddedBlocks() {
    ContentFilters filters = filters(List.of("secret"), List.of("Extra rule."), List.of());
    JsonObject request = new JsonObject().put("system", new JsonArray()
        .add(new JsonObject().put("type", "text").put("text", "x-anthropic-billing-header: cc_version=2.1"))
        .add(new JsonObject().put("type", "text").put("text", "Keep the secret plan.")
            .put("cache_control", new JsonObject().put("type", "ephemeral"))));

    filters.apply(request);

    JsonArray system = request.getJsonArray("system");
    assertEquals(2, system.size());
    assertEquals("Keep the  plan.", system.getJsonObject(0).getString("text"));
    assertEquals("ephemeral", system.getJsonObject(0).getJsonObject("cache_control").getString("type"));
    assertEquals("Extra rule.", system.getJsonObject(1).getString("text"));
    assertEquals(1, counters.get("mod.billing_header_removal"));
  }

  @Test
  void noSystemPromptGetsTheAddedTextAsBlocks() {
    ContentFilters filters = filters(List.of(), List.of("Rule one.", "Rule two."), List.of());
    JsonObject request = new JsonObject();
    filters.apply(request);
    assertEquals(2, request.getJsonArray("system").size());
  }

  @Test
  void suffixesAreCutFromStringToolResultsOneAfterAnother() {
    ContentFilters filters = filters(List.of(), List.of(), List.of("\n[end]", "\n<note>"));
    JsonObject toolResult = new JsonObject().put("type", "tool_result").put("tool_use_id", "toolu_1")
        .put("content", "ls output\n<note>\n[end]");
    JsonObject listResult = new JsonObject().put("type", "tool_result").put("tool_use_id", "toolu_2")
        .put("content", new JsonArray().add(new JsonObject().put("type", "text").put("text", "x\n[end]")));
    JsonObject request = new JsonObject().put("messages", new JsonArray().add(new JsonObject().put("role", "user")
        .put("content", new JsonArray().add(toolResult).add(listResult))));

    filters.apply(request);

    assertEquals("ls output", toolResult.getString("content"));
    assertEquals("x\n[end]", listResult.getJsonArray("content").getJsonObject(0).getString("text"), "lists untouched");
  }
}
