package io.ghcapi.acp.agent;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Points an agent's model traffic at this gateway, so that its requests use the Copilot subscription and show
 * up in the request history: by environment variables at launch ({@link GatewayStyle}), and by the ACP
 * {@code gateway} sign-in when the agent offers it.
 *
 * @param enabled false leaves agents to their own configuration
 * @param baseUrl this gateway's own URL, without {@code /v1}
 * @param apiKey the client key agents present to it
 */
public record GatewayRouting(boolean enabled, String baseUrl, String apiKey) {

  public static final String KEY_VARIABLE = "GHC_API_AGENT_KEY";

  public GatewayRouting {
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** The variables that send this style of agent to the gateway (empty when disabled). */
  public Map<String, String> environment(GatewayStyle style) {
    Map<String, String> env = new LinkedHashMap<>();
    if (!enabled) {
      return env;
    }
    switch (style) {
      case ANTHROPIC -> {
        env.put("ANTHROPIC_BASE_URL", baseUrl);
        env.put("ANTHROPIC_API_KEY", apiKey);
      }
      case CODEX -> {
        JsonObject provider = new JsonObject().put("name", "ghc-api").put("base_url", baseUrl + "/v1")
            .put("env_key", KEY_VARIABLE).put("wire_api", "responses");
        env.put("CODEX_CONFIG", new JsonObject().put("model_provider", "ghc-api")
            .put("model_providers", new JsonObject().put("ghc-api", provider)).encode());
        env.put(KEY_VARIABLE, apiKey);
      }
      case COPILOT -> {
        env.put("COPILOT_PROVIDER_BASE_URL", baseUrl + "/v1");
        env.put("COPILOT_PROVIDER_TYPE", "openai");
        env.put("COPILOT_PROVIDER_API_KEY", apiKey);
        env.put("COPILOT_PROVIDER_WIRE_API", "responses");
      }
      case NONE -> {
      }
    }
    return env;
  }

  /** The agent's {@code gateway} sign-in method among its {@code authMethods}, if it offers one. */
  public Optional<JsonObject> gatewayMethod(JsonArray authMethods) {
    if (!enabled || authMethods == null) {
      return Optional.empty();
    }
    JsonObject found = null;
    for (Object item : authMethods) {
      if (item instanceof JsonObject method && method.getValue("_meta") instanceof JsonObject meta
          && meta.getValue("gateway") instanceof JsonObject gateway
          && !"terminal".equals(method.getString("type")) && method.getValue("id") instanceof String id
          && !"bedrock".equals(gateway.getString("protocol")) && !id.endsWith("bedrock")) {
        if (found == null || "gateway".equals(id)) {
          found = method;
        }
      }
    }
    return Optional.ofNullable(found);
  }

  /** The {@code authenticate} params that give the agent this gateway as its model endpoint. */
  public JsonObject authenticateParams(JsonObject method) {
    JsonObject gateway = method.getJsonObject("_meta").getJsonObject("gateway");
    boolean openAi = "openai".equals(gateway.getString("protocol"));
    JsonObject headers = openAi ? new JsonObject().put("Authorization", "Bearer " + apiKey)
        : new JsonObject().put("x-api-key", apiKey);
    return new JsonObject().put("methodId", method.getString("id")).put("_meta", new JsonObject().put("gateway",
        new JsonObject().put("baseUrl", openAi ? baseUrl + "/v1" : baseUrl).put("headers", headers)));
  }
}
