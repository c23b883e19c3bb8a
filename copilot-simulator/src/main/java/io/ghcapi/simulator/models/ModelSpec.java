package io.ghcapi.simulator.models;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One model as Copilot's {@code GET /models} describes it.
 *
 * @param id the model id clients send
 * @param name the display name
 * @param vendor who makes it
 * @param version the dated version
 * @param type {@code chat} or {@code embeddings}
 * @param tokenizer the tokenizer name
 * @param endpoints the Copilot endpoints that accept it
 * @param limits its token limits
 * @param supports what it can do
 * @param category the model-picker category, or {@code null}
 * @param premiumMultiplier the premium-request multiplier (0 = not premium)
 */
public record ModelSpec(String id, String name, String vendor, String version, String type, String tokenizer,
    List<String> endpoints, Limits limits, Supports supports, String category, double premiumMultiplier) {

  public static final String CHAT_COMPLETIONS = "/chat/completions";
  public static final String RESPONSES = "/responses";
  public static final String MESSAGES = "/v1/messages";
  public static final String EMBEDDINGS = "/embeddings";

  public ModelSpec {
    endpoints = List.copyOf(endpoints);
  }

  /** Whether the model may be called on {@code endpoint} (one of the constants above). */
  public boolean supportsEndpoint(String endpoint) {
    for (String listed : endpoints) {
      if (listed.equals(endpoint) || (listed.startsWith("/v1/") && listed.substring(3).equals(endpoint))) {
        return true;
      }
    }
    return false;
  }

  /** The GPT-5 and o-series models, which reject {@code max_tokens} and can reason. */
  public boolean isReasoningFamily() {
    return id.startsWith("gpt-5") || id.startsWith("o1") || id.startsWith("o3") || id.startsWith("o4");
  }

  public JsonObject toJson() {
    JsonObject capabilities = new JsonObject()
        .put("type", type)
        .put("family", id)
        .put("object", "model_capabilities")
        .put("tokenizer", tokenizer)
        .put("limits", limits.toJson())
        .put("supports", supports.toJson());
    JsonObject json = new JsonObject()
        .put("id", id)
        .put("name", name)
        .put("vendor", vendor)
        .put("version", version)
        .put("object", "model")
        .put("preview", false)
        .put("model_picker_enabled", "chat".equals(type))
        .put("capabilities", capabilities)
        .put("supported_endpoints", new JsonArray(endpoints));
    if (category != null) {
      json.put("model_picker_category", category);
    }
    if (premiumMultiplier > 0) {
      json.put("billing", new JsonObject().put("is_premium", true).put("multiplier", premiumMultiplier));
    }
    return json;
  }

  /**
   * Token limits; {@code null} fields are left out.
   *
   * @param contextWindow max_context_window_tokens
   * @param prompt max_prompt_tokens
   * @param output max_output_tokens
   * @param maxInputs max_inputs (embedding models)
   */
  public record Limits(Integer contextWindow, Integer prompt, Integer output, Integer maxInputs) {

    public static Limits chat(int contextWindow, int prompt, int output) {
      return new Limits(contextWindow, prompt, output, null);
    }

    public static Limits embeddings(int maxInputs) {
      return new Limits(null, null, null, maxInputs);
    }

    JsonObject toJson() {
      JsonObject json = new JsonObject();
      putIfSet(json, "max_context_window_tokens", contextWindow);
      putIfSet(json, "max_prompt_tokens", prompt);
      putIfSet(json, "max_output_tokens", output);
      putIfSet(json, "max_inputs", maxInputs);
      return json;
    }

    private static void putIfSet(JsonObject json, String key, Integer value) {
      if (value != null) {
        json.put(key, value);
      }
    }
  }

  /**
   * Capabilities.
   *
   * @param streaming streams answers
   * @param toolCalls calls tools
   * @param parallelToolCalls calls several tools at once
   * @param vision accepts images
   * @param structuredOutputs honours JSON schemas
   * @param reasoningEfforts accepted reasoning efforts, empty when it does not reason
   */
  public record Supports(boolean streaming, boolean toolCalls, boolean parallelToolCalls, boolean vision,
      boolean structuredOutputs, List<String> reasoningEfforts) {

    public Supports {
      reasoningEfforts = List.copyOf(reasoningEfforts);
    }

    public static Supports embeddings() {
      return new Supports(false, false, false, false, false, List.of());
    }

    JsonObject toJson() {
      if (!streaming && !toolCalls) {
        return new JsonObject().put("dimensions", true);
      }
      JsonObject json = new JsonObject()
          .put("streaming", streaming)
          .put("tool_calls", toolCalls)
          .put("parallel_tool_calls", parallelToolCalls)
          .put("vision", vision)
          .put("structured_outputs", structuredOutputs);
      if (!reasoningEfforts.isEmpty()) {
        json.put("reasoning_effort", new JsonArray(reasoningEfforts));
      }
      return json;
    }
  }
}
