package io.ghcapi.acp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Claude ACP adapter ({@code @agentclientprotocol/claude-agent-acp}, installed from npm by
 * {@code .ci/run} into {@code $GHC_API_TEST_CLIENTS}, default {@code ~/.cache/ghc-api-clients}) driven through
 * this gateway in front of the Copilot simulator: a "say hi" turn, then a turn where it runs Bash after a
 * permission request that the session's policy allows. Offline ({@link ClaudeAdapter}); skipped (not failed)
 * when the adapter is not installed.
 */
class RealClaudeAdapterTest {

  @TempDir
  Path temp;

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void aSayHiSessionCompletesWithTheSimulatorsTextAndItsRequestsAreInTheHistory() throws Exception {
    Path adapter = ClaudeAdapter.installed().orElse(null);
    Assumptions.assumeTrue(adapter != null, ClaudeAdapter.notInstalled());
    Path home = Files.createDirectories(temp.resolve("home"));
    try (AcpFixture fixture = AcpFixture.builder(temp.resolve("state"))
        .agent("claude-code", ClaudeAdapter.entry(adapter, home))
        .acp("acp_start_timeout_ms", 120_000).start()) {
      JsonObject created = fixture.createSession(new JsonObject().put("agent_kind", "claude-code")
          .put("working_directory", AcpFixture.folder(temp, "work").toString()).put("auto_approve", "all"));
      String id = created.getString("id");
      assertEquals("@agentclientprotocol/claude-agent-acp", created.getJsonObject("agent_info").getString("name"));
      assertEquals("gateway", created.getString("signed_in_with"), "the adapter offers the gateway sign-in");

      int before = messagesInHistory(fixture);
      SseStream stream = fixture.prompt(id, "say hi");
      List<SseStream.Event> events = stream.drain(180);
      SseStream.Event done = events.get(events.size() - 1);
      assertEquals("done", done.name(), stream.names().toString());
      assertEquals("end_turn", done.data().getString("stop_reason"), stream.names().toString());
      assertTrue(stream.agentText().contains("Simulated reply from claude-"), stream.agentText());
      assertTrue(awaitMore(fixture, before), "the adapter's model calls are in the request history");

      SseStream tool = fixture.prompt(id, "use Bash to list the files");
      List<SseStream.Event> toolEvents = tool.drain(180);
      assertEquals("end_turn", toolEvents.get(toolEvents.size() - 1).data().getString("stop_reason"),
          tool.names().toString());
      assertTrue(tool.names().contains("update:tool_call"), tool.names().toString());
      assertEquals("auto", toolEvents.stream().filter(e -> e.name().equals("permission_resolved")).findFirst()
          .orElseThrow(() -> new AssertionError(tool.names())).data().getString("by"));
      assertTrue(tool.agentText().contains("Tool result received"), tool.agentText());

      long pid = created.getLong("pid");
      assertEquals(200, fixture.delete("/api/agent/sessions/" + id).statusCode());
      ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(10, TimeUnit.SECONDS).join());
    }
  }

  private static int messagesInHistory(AcpFixture fixture) {
    JsonArray items = fixture.history();
    return (int) items.stream().filter(i -> String.valueOf(((JsonObject) i).getValue("endpoint"))
        .contains("messages")).count();
  }

  /** The history is written after each exchange ends: give the last one a moment. */
  private static boolean awaitMore(AcpFixture fixture, int before) throws InterruptedException {
    for (int attempt = 0; attempt < 100; attempt++) {
      if (messagesInHistory(fixture) > before) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }
}
