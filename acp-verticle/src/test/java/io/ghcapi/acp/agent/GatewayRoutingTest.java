package io.ghcapi.acp.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How each kind of agent is pointed at this gateway. */
class GatewayRoutingTest {

  private final GatewayRouting routing = new GatewayRouting(true, "http://127.0.0.1:8313/", "sk-agent");

  @Test
  void eachStyleGetsItsVariables() {
    Map<String, String> claude = routing.environment(GatewayStyle.ANTHROPIC);
    assertEquals("http://127.0.0.1:8313", claude.get("ANTHROPIC_BASE_URL"));
    assertEquals("sk-agent", claude.get("ANTHROPIC_API_KEY"));

    Map<String, String> codex = routing.environment(GatewayStyle.CODEX);
    JsonObject config = new JsonObject(codex.get("CODEX_CONFIG"));
    assertEquals("ghc-api", config.getString("model_provider"));
    JsonObject provider = config.getJsonObject("model_providers").getJsonObject("ghc-api");
    assertEquals("http://127.0.0.1:8313/v1", provider.getString("base_url"));
    assertEquals("responses", provider.getString("wire_api"));
    assertEquals("sk-agent", codex.get(provider.getString("env_key")));

    Map<String, String> copilot = routing.environment(GatewayStyle.COPILOT);
    assertEquals("http://127.0.0.1:8313/v1", copilot.get("COPILOT_PROVIDER_BASE_URL"));
    assertEquals("openai", copilot.get("COPILOT_PROVIDER_TYPE"));
    assertEquals("responses", copilot.get("COPILOT_PROVIDER_WIRE_API"));

    assertTrue(routing.environment(GatewayStyle.NONE).isEmpty());
    assertTrue(new GatewayRouting(false, "http://x", "k").environment(GatewayStyle.ANTHROPIC).isEmpty());
  }

  @Test
  void theGatewaySignInGivesTheBaseUrlForTheAgentsProtocol() {
    JsonArray methods = new JsonArray()
        .add(new JsonObject().put("id", "claude-login").put("type", "terminal"))
        .add(new JsonObject().put("id", "gateway-bedrock").put("_meta", new JsonObject().put("gateway",
            new JsonObject().put("protocol", "bedrock"))))
        .add(new JsonObject().put("id", "gateway").put("_meta", new JsonObject().put("gateway",
            new JsonObject().put("protocol", "anthropic"))));
    JsonObject method = routing.gatewayMethod(methods).orElseThrow();
    JsonObject params = routing.authenticateParams(method);
    assertEquals("gateway", params.getString("methodId"));
    JsonObject gateway = params.getJsonObject("_meta").getJsonObject("gateway");
    assertEquals("http://127.0.0.1:8313", gateway.getString("baseUrl"));
    assertEquals("sk-agent", gateway.getJsonObject("headers").getString("x-api-key"));

    JsonObject openAi = new JsonObject().put("id", "gateway").put("_meta", new JsonObject().put("gateway",
        new JsonObject().put("protocol", "openai")));
    JsonObject codex = routing.authenticateParams(openAi).getJsonObject("_meta").getJsonObject("gateway");
    assertEquals("http://127.0.0.1:8313/v1", codex.getString("baseUrl"));
    assertEquals("Bearer sk-agent", codex.getJsonObject("headers").getString("Authorization"));

    assertTrue(routing.gatewayMethod(new JsonArray().add(new JsonObject().put("id", "login"))).isEmpty());
    assertTrue(new GatewayRouting(false, "http://x", "k").gatewayMethod(methods).isEmpty());
  }
}
