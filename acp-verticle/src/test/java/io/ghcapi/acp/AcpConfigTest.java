package io.ghcapi.acp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.acp.session.AutoApprove;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The deployment config: safe defaults, and a bad value stops the deployment with its key and the reason. */
class AcpConfigTest {

  @Test
  void defaults() {
    AcpConfig config = AcpConfig.from(new JsonObject(), Map.of("GHC_API_CONFIG_DIR", "/srv/ghc"));
    assertEquals(Path.of("/srv/ghc/agents"), config.stateDir());
    assertTrue(config.persist());
    assertTrue(config.routing().enabled());
    assertEquals("http://127.0.0.1:8313", config.routing().baseUrl());
    assertEquals(AutoApprove.ASK, config.autoApprove());
    assertEquals(8, config.limits().maxSessions());
    assertEquals(16 << 20, config.limits().maxLineBytes());
    assertTrue(config.limits().terminals());
    assertEquals(3, config.agents().all().size());
  }

  @Test
  void badValuesNameTheirKey() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> AcpConfig.from(new JsonObject()
        .put("acp_max_sessions", 0), Map.of())).getMessage().contains("'acp_max_sessions': must be between 1"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> AcpConfig.from(new JsonObject()
        .put("acp_auto_approve", "yes"), Map.of())).getMessage().contains("acp_auto_approve"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> AcpConfig.from(new JsonObject()
        .put("acp_terminals", "false"), Map.of())).getMessage().contains("must be true or false"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> AcpConfig.from(new JsonObject()
        .put("acp_agents", new JsonObject().put("x", "y")), Map.of())).getMessage().contains("acp_agents.x"));
  }
}
