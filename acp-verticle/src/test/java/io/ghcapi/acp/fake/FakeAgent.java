package io.ghcapi.acp.fake;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted ACP agent for tests (reference/acp.md §15): JSON-RPC over stdio, one object per line, logging to
 * stderr only. The prompt text picks the scenario ({@code /stream}, {@code /tool}, {@code /permission}, ...);
 * environment variables change its start ({@code FAKE_REQUIRE_AUTH}, {@code FAKE_GATEWAY_AUTH},
 * {@code FAKE_LOAD_SESSION}, {@code FAKE_CONFIG_OPTIONS}, {@code FAKE_EXIT_ON_START}, {@code FAKE_SILENT_INIT}).
 * Requests are handled each on its own thread, so a turn can wait for our answers while cancel arrives.
 */
public final class FakeAgent {

  private final PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
      StandardCharsets.UTF_8);
  private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
    Thread thread = new Thread(r);
    thread.setDaemon(true);
    return thread;
  });
  private final Map<Long, CompletableFuture<JsonObject>> waiting = new ConcurrentHashMap<>();
  private final Map<String, Boolean> cancelled = new ConcurrentHashMap<>();
  private final AtomicInteger nextRequestId = new AtomicInteger(900);
  private final AtomicInteger sessions = new AtomicInteger();
  private final Map<String, String> env = System.getenv();
  private volatile boolean authenticated;
  private volatile String signedInWith = "none";
  private volatile JsonObject gateway;
  private volatile JsonObject clientCapabilities = new JsonObject();
  private volatile boolean loaded;
  private volatile String cwd = "/";
  private volatile String currentModel = "fake-small";
  private volatile String currentMode = "default";

  public static void main(String[] args) throws IOException {
    System.setOut(System.err);
    new FakeAgent().run();
  }

  private void run() throws IOException {
    if ("1".equals(env.get("FAKE_EXIT_ON_START"))) {
      System.err.println("fake agent: cannot start (asked to fail)");
      System.exit(3);
    }
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      JsonObject message = new JsonObject(line);
      String method = message.getString("method");
      Object id = message.getValue("id");
      if (method == null) {
        CompletableFuture<JsonObject> answer = waiting.remove(((Number) id).longValue());
        if (answer != null) {
          answer.complete(message);
        }
      } else if (id == null) {
        if ("session/cancel".equals(method)) {
          cancelled.put(message.getJsonObject("params").getString("sessionId"), true);
        }
      } else {
        JsonObject params = message.getJsonObject("params", new JsonObject());
        workers.execute(() -> handle(id, method, params));
      }
    }
    System.exit(0);
  }

  private void handle(Object id, String method, JsonObject params) {
    try {
      switch (method) {
        case "initialize" -> initialize(id, params);
        case "authenticate" -> authenticate(id, params);
        case "session/new" -> newSession(id, params);
        case "session/load" -> loadSession(id, params);
        case "session/prompt" -> prompt(id, params);
        case "session/set_mode" -> {
          String mode = params.getString("modeId");
          if (!"default".equals(mode) && !"plan".equals(mode)) {
            error(id, -32602, "Unknown mode " + mode, null);
            return;
          }
          currentMode = mode;
          update(params.getString("sessionId"), new JsonObject().put("sessionUpdate", "current_mode_update")
              .put("currentModeId", mode));
          result(id, new JsonObject());
        }
        case "session/set_model" -> {
          currentModel = params.getString("modelId");
          result(id, new JsonObject());
        }
        case "session/set_config_option" -> {
          currentModel = String.valueOf(params.getValue("value"));
          result(id, new JsonObject().put("configOptions", configOptions()));
        }
        default -> error(id, -32601, "Method not found: " + method, null);
      }
    } catch (RuntimeException e) {
      e.printStackTrace();
      error(id, -32603, String.valueOf(e.getMessage()), null);
    }
  }

  private void initialize(Object id, JsonObject params) {
    if ("1".equals(env.get("FAKE_SILENT_INIT"))) {
      return;
    }
    clientCapabilities = params.getJsonObject("clientCapabilities", new JsonObject());
    JsonArray methods = new JsonArray();
    if ("1".equals(env.get("FAKE_REQUIRE_AUTH"))) {
      methods.add(new JsonObject().put("id", "fake-login").put("name", "Fake login"));
    }
    boolean clientTakesGateway = clientCapabilities.getJsonObject("auth", new JsonObject())
        .getJsonObject("_meta", new JsonObject()).getBoolean("gateway", false);
    if ("1".equals(env.get("FAKE_GATEWAY_AUTH")) && clientTakesGateway) {
      methods.add(new JsonObject().put("id", "gateway").put("name", "Custom model gateway")
          .put("_meta", new JsonObject().put("gateway", new JsonObject().put("protocol", "anthropic"))));
    }
    result(id, new JsonObject().put("protocolVersion", 1)
        .put("agentCapabilities", new JsonObject().put("loadSession", !"0".equals(env.get("FAKE_LOAD_SESSION")))
            .put("promptCapabilities", new JsonObject().put("image", true).put("embeddedContext", true)))
        .put("authMethods", methods)
        .put("agentInfo", new JsonObject().put("name", "fake-agent").put("title", "Fake Agent").put("version", "0")));
  }

  private void authenticate(Object id, JsonObject params) {
    String method = params.getString("methodId");
    if ("fake-login".equals(method)) {
      authenticated = true;
      signedInWith = method;
      result(id, new JsonObject());
    } else if ("gateway".equals(method)) {
      gateway = params.getJsonObject("_meta").getJsonObject("gateway");
      signedInWith = method;
      result(id, new JsonObject());
    } else {
      error(id, -32602, "Unknown auth method " + method, null);
    }
  }

  private void newSession(Object id, JsonObject params) {
    if ("1".equals(env.get("FAKE_REQUIRE_AUTH")) && !authenticated) {
      error(id, -32000, "Authentication required", null);
      return;
    }
    cwd = params.getString("cwd");
    String sessionId = "fake-" + sessions.incrementAndGet();
    result(id, sessionResult().put("sessionId", sessionId));
    update(sessionId, new JsonObject().put("sessionUpdate", "available_commands_update").put("availableCommands",
        new JsonArray().add(new JsonObject().put("name", "stream").put("description", "Stream some text"))));
  }

  private JsonObject sessionResult() {
    JsonObject result = new JsonObject()
        .put("modes", new JsonObject().put("currentModeId", currentMode).put("availableModes", new JsonArray()
            .add(new JsonObject().put("id", "default").put("name", "Default"))
            .add(new JsonObject().put("id", "plan").put("name", "Plan"))))
        .put("models", new JsonObject().put("currentModelId", currentModel).put("availableModels", new JsonArray()
            .add(new JsonObject().put("modelId", "fake-small").put("name", "Fake small"))
            .add(new JsonObject().put("modelId", "fake-large").put("name", "Fake large"))));
    if ("1".equals(env.get("FAKE_CONFIG_OPTIONS"))) {
      result.put("configOptions", configOptions());
    }
    return result;
  }

  private JsonArray configOptions() {
    return new JsonArray().add(new JsonObject().put("id", "model").put("name", "Model").put("category", "model")
        .put("type", "select").put("currentValue", currentModel).put("options", new JsonArray()
            .add(new JsonObject().put("value", "fake-small").put("name", "Fake small"))
            .add(new JsonObject().put("value", "fake-large").put("name", "Fake large"))));
  }

  private void loadSession(Object id, JsonObject params) {
    if ("0".equals(env.get("FAKE_LOAD_SESSION"))) {
      error(id, -32601, "Method not found: session/load", null);
      return;
    }
    String sessionId = params.getString("sessionId");
    cwd = params.getString("cwd");
    update(sessionId, new JsonObject().put("sessionUpdate", "user_message_chunk")
        .put("content", text("(replayed) an earlier prompt")));
    update(sessionId, new JsonObject().put("sessionUpdate", "agent_message_chunk")
        .put("content", text("(replayed) an earlier answer")));
    loaded = true;
    result(id, sessionResult());
  }

  // ---- turns

  private void prompt(Object id, JsonObject params) {
    String session = params.getString("sessionId");
    cancelled.remove(session);
    String prompt = "";
    for (Object block : params.getJsonArray("prompt", new JsonArray())) {
      if (block instanceof JsonObject content && "text".equals(content.getString("type"))) {
        prompt += content.getString("text");
      }
    }
    String scenario = prompt.strip().split("\\s+")[0];
    JsonObject answer = new JsonObject().put("stopReason", "end_turn");
    switch (scenario) {
      case "/stream" -> {
        chunk(session, "agent_thought_chunk", "Thinking about streams", "t1");
        for (int i = 1; i <= 5; i++) {
          chunk(session, "agent_message_chunk", "part-" + i + " ", "m1");
          sleep(20);
        }
      }
      case "/tool" -> tool(session);
      case "/plan" -> {
        plan(session, "pending", "pending");
        plan(session, "completed", "in_progress");
      }
      case "/permission" -> answer = permission(session);
      case "/fs" -> fileSystem(session);
      case "/fs-outside" -> fileSystemOutside(session);
      case "/terminal" -> terminal(session);
      case "/mode" -> {
        update(session, new JsonObject().put("sessionUpdate", "current_mode_update").put("currentModeId", "plan"));
        update(session, new JsonObject().put("sessionUpdate", "config_option_update").put("configOptions",
            configOptions()));
      }
      case "/usage" -> {
        update(session, new JsonObject().put("sessionUpdate", "usage_update").put("used", 1234).put("size", 200000)
            .put("cost", new JsonObject().put("amount", 0.01).put("currency", "USD")));
        answer.put("usage", new JsonObject().put("inputTokens", 1000).put("outputTokens", 234)
            .put("totalTokens", 1234));
      }
      case "/session-info" -> update(session, new JsonObject().put("sessionUpdate", "session_info_update")
          .put("title", "A fake title"));
      case "/variants" -> {
        update(session, new JsonObject().put("sessionUpdate", "user_message_chunk").put("content", text(prompt)));
        update(session, new JsonObject().put("sessionUpdate", "compaction_update").put("state", "unknown to clients"));
        chunk(session, "agent_message_chunk", "variants done", null);
      }
      case "/withdraw" -> {
        long withdrawn = nextRequestId.get();
        workers.execute(() -> {
          sleep(300);
          write(new JsonObject().put("jsonrpc", "2.0").put("method", "$/cancel_request")
              .put("params", new JsonObject().put("requestId", withdrawn)).encode());
        });
        JsonObject response = request("session/request_permission", new JsonObject().put("sessionId", session)
            .put("toolCall", new JsonObject().put("toolCallId", "c4").put("title", "Delete c.txt").put("kind", "delete"))
            .put("options", new JsonArray()
                .add(new JsonObject().put("optionId", "allow").put("name", "Allow").put("kind", "allow_once"))));
        chunk(session, "agent_message_chunk", "withdrawn: " + response.getJsonObject("result", new JsonObject())
            .getJsonObject("outcome", new JsonObject()).getString("outcome"), null);
      }
      case "/slow" -> {
        for (int i = 0; i < 50; i++) {
          if (cancelled.containsKey(session)) {
            chunk(session, "agent_message_chunk", "stopping", "m-slow");
            result(id, new JsonObject().put("stopReason", "cancelled"));
            return;
          }
          chunk(session, "agent_message_chunk", "tick-" + i + " ", "m-slow");
          sleep(200);
        }
      }
      case "/hang" -> sleep(60_000);
      case "/refuse" -> answer.put("stopReason", "refusal");
      case "/maxtokens" -> answer.put("stopReason", "max_tokens");
      case "/error" -> {
        error(id, -32603, "boom", new JsonObject().put("detail", "x"));
        return;
      }
      case "/crash" -> {
        chunk(session, "agent_message_chunk", "about to crash", null);
        System.err.println("fake agent: crashing on purpose");
        System.err.flush();
        out.flush();
        Runtime.getRuntime().halt(1);
      }
      case "/garbage" -> {
        write("this line is not JSON");
        write("[1,2,3]");
        chunk(session, "agent_message_chunk", "after garbage", null);
      }
      case "/stderr" -> {
        String kilobyte = "e".repeat(1023);
        for (int i = 0; i < 100; i++) {
          System.err.println(kilobyte);
        }
        System.err.flush();
        chunk(session, "agent_message_chunk", "stderr done", null);
      }
      case "/big" -> chunk(session, "agent_message_chunk", "b".repeat(2 << 20), null);
      case "/gateway" -> chunk(session, "agent_message_chunk", callGateway(), null);
      case "/whoami" -> chunk(session, "agent_message_chunk", "session " + session + " loaded=" + loaded
          + " signed-in=" + signedInWith + " model=" + currentModel + " terminal="
          + clientCapabilities.getValue("terminal") + " gateway-env=" + env.get("ANTHROPIC_BASE_URL"), null);
      default -> chunk(session, "agent_message_chunk", "echo: " + prompt, null);
    }
    if (cancelled.containsKey(session) && "end_turn".equals(answer.getString("stopReason"))) {
      answer.put("stopReason", "cancelled");
    }
    result(id, answer);
  }

  private void tool(String session) {
    String path = cwd + "/a.txt";
    update(session, new JsonObject().put("sessionUpdate", "tool_call").put("toolCallId", "c1")
        .put("title", "Read a.txt").put("kind", "read").put("status", "pending")
        .put("locations", new JsonArray().add(new JsonObject().put("path", path)))
        .put("rawInput", new JsonObject().put("path", path)));
    update(session, new JsonObject().put("sessionUpdate", "tool_call_update").put("toolCallId", "c1")
        .put("status", "in_progress"));
    update(session, new JsonObject().put("sessionUpdate", "tool_call_update").put("toolCallId", "c1")
        .put("status", "completed").put("rawOutput", new JsonObject().put("lines", 1))
        .put("content", new JsonArray()
            .add(new JsonObject().put("type", "content").put("content", text("file read")))
            .add(new JsonObject().put("type", "diff").put("path", path).putNull("oldText").put("newText", "x\n"))));
  }

  private void plan(String session, String first, String second) {
    update(session, new JsonObject().put("sessionUpdate", "plan").put("entries", new JsonArray()
        .add(new JsonObject().put("content", "Write a test").put("priority", "high").put("status", first))
        .add(new JsonObject().put("content", "Make it pass").put("priority", "medium").put("status", second))));
  }

  private JsonObject permission(String session) {
    update(session, new JsonObject().put("sessionUpdate", "tool_call").put("toolCallId", "c2")
        .put("title", "Edit b.txt").put("kind", "edit").put("status", "pending"));
    JsonObject response = request("session/request_permission", new JsonObject().put("sessionId", session)
        .put("toolCall", new JsonObject().put("toolCallId", "c2").put("title", "Edit b.txt").put("kind", "edit"))
        .put("options", new JsonArray()
            .add(new JsonObject().put("optionId", "allow").put("name", "Allow once").put("kind", "allow_once"))
            .add(new JsonObject().put("optionId", "always").put("name", "Always allow").put("kind", "allow_always"))
            .add(new JsonObject().put("optionId", "reject").put("name", "Reject").put("kind", "reject_once"))));
    JsonObject outcome = response.getJsonObject("result", new JsonObject()).getJsonObject("outcome", new JsonObject());
    boolean allowed = "selected".equals(outcome.getString("outcome"))
        && outcome.getString("optionId", "").startsWith("a");
    update(session, new JsonObject().put("sessionUpdate", "tool_call_update").put("toolCallId", "c2")
        .put("status", allowed ? "completed" : "failed"));
    chunk(session, "agent_message_chunk", "permission: " + outcome.getString("outcome")
        + (outcome.containsKey("optionId") ? " " + outcome.getString("optionId") : ""), null);
    return new JsonObject().put("stopReason", cancelled.containsKey(session) ? "cancelled" : "end_turn");
  }

  private void fileSystem(String session) {
    JsonObject read = request("fs/read_text_file", new JsonObject().put("sessionId", session)
        .put("path", cwd + "/input.txt"));
    chunk(session, "agent_message_chunk", describe("read", read) + "\n", null);
    JsonObject lines = request("fs/read_text_file", new JsonObject().put("sessionId", session)
        .put("path", cwd + "/input.txt").put("line", 2).put("limit", 1));
    chunk(session, "agent_message_chunk", describe("line2", lines) + "\n", null);
    JsonObject written = request("fs/write_text_file", new JsonObject().put("sessionId", session)
        .put("path", cwd + "/out/output.txt").put("content", "written by the fake agent\n"));
    chunk(session, "agent_message_chunk", describe("write", written) + "\n", null);
    JsonObject missing = request("fs/read_text_file", new JsonObject().put("sessionId", session)
        .put("path", cwd + "/no-such-file.txt"));
    chunk(session, "agent_message_chunk", describe("missing", missing), null);
  }

  private void fileSystemOutside(String session) {
    String outside = cwd + "/../outside.txt";
    JsonObject read = request("fs/read_text_file", new JsonObject().put("sessionId", session).put("path", outside));
    chunk(session, "agent_message_chunk", describe("read-outside", read) + "\n", null);
    JsonObject written = request("fs/write_text_file", new JsonObject().put("sessionId", session)
        .put("path", outside).put("content", "escaped"));
    chunk(session, "agent_message_chunk", describe("write-outside", written) + "\n", null);
    JsonObject link = request("fs/read_text_file", new JsonObject().put("sessionId", session)
        .put("path", cwd + "/link-out/secret.txt"));
    chunk(session, "agent_message_chunk", describe("read-link", link), null);
  }

  private static String describe(String what, JsonObject response) {
    if (response.containsKey("error")) {
      JsonObject error = response.getJsonObject("error");
      return what + " error " + error.getInteger("code") + " " + error.getString("message");
    }
    JsonObject result = response.getJsonObject("result", new JsonObject());
    return what + " ok" + (result.containsKey("content") ? " " + result.getString("content").strip() : "");
  }

  private void terminal(String session) {
    JsonObject created = request("terminal/create", new JsonObject().put("sessionId", session).put("command", "sh")
        .put("args", new JsonArray().add("-c").add("echo hello-terminal; echo $FAKE_TERM_VAR; exit 3"))
        .put("env", new JsonArray().add(new JsonObject().put("name", "FAKE_TERM_VAR").put("value", "from-env"))));
    if (created.containsKey("error")) {
      chunk(session, "agent_message_chunk", describe("terminal", created), null);
      return;
    }
    String terminal = created.getJsonObject("result").getString("terminalId");
    update(session, new JsonObject().put("sessionUpdate", "tool_call").put("toolCallId", "c3")
        .put("title", "Run a command").put("kind", "execute").put("status", "in_progress")
        .put("content", new JsonArray().add(new JsonObject().put("type", "terminal").put("terminalId", terminal))));
    JsonObject exit = request("terminal/wait_for_exit", new JsonObject().put("sessionId", session)
        .put("terminalId", terminal)).getJsonObject("result");
    JsonObject output = request("terminal/output", new JsonObject().put("sessionId", session)
        .put("terminalId", terminal)).getJsonObject("result");
    request("terminal/release", new JsonObject().put("sessionId", session).put("terminalId", terminal));
    JsonObject sleeper = request("terminal/create", new JsonObject().put("sessionId", session)
        .put("command", "sleep").put("args", new JsonArray().add("30"))).getJsonObject("result");
    String sleeping = sleeper.getString("terminalId");
    request("terminal/kill", new JsonObject().put("sessionId", session).put("terminalId", sleeping));
    JsonObject killed = request("terminal/wait_for_exit", new JsonObject().put("sessionId", session)
        .put("terminalId", sleeping)).getJsonObject("result");
    JsonObject afterKill = request("terminal/output", new JsonObject().put("sessionId", session)
        .put("terminalId", sleeping));
    request("terminal/release", new JsonObject().put("sessionId", session).put("terminalId", sleeping));
    JsonObject released = request("terminal/output", new JsonObject().put("sessionId", session)
        .put("terminalId", sleeping));
    update(session, new JsonObject().put("sessionUpdate", "tool_call_update").put("toolCallId", "c3")
        .put("status", "completed"));
    chunk(session, "agent_message_chunk", "terminal exit=" + exit.getValue("exitCode") + " output="
        + output.getString("output").strip().replace('\n', '|') + " killed-signal=" + killed.getValue("signal")
        + " output-after-kill=" + afterKill.containsKey("result") + " after-release="
        + (released.containsKey("error") ? "error" : "ok"), null);
  }

  private String callGateway() {
    String base;
    String via;
    if (gateway != null) {
      base = gateway.getString("baseUrl");
      via = "auth";
    } else {
      base = env.get("ANTHROPIC_BASE_URL");
      via = "env";
    }
    if (base == null) {
      return "gateway: none";
    }
    JsonObject body = new JsonObject().put("model", "claude-sonnet-4-5").put("max_tokens", 64)
        .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", "hello from fake")));
    try {
      HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
          HttpRequest.newBuilder(URI.create(base + "/v1/messages")).timeout(Duration.ofSeconds(20))
              .header("content-type", "application/json").header("anthropic-version", "2023-06-01")
              .header("x-api-key", env.getOrDefault("ANTHROPIC_API_KEY", "none"))
              .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonObject reply = new JsonObject(response.body());
      String text = reply.getJsonArray("content").getJsonObject(0).getString("text");
      return "gateway(" + via + ") " + response.statusCode() + ": " + text;
    } catch (Exception e) {
      return "gateway(" + via + ") failed: " + e;
    }
  }

  // ---- wire

  private JsonObject request(String method, JsonObject params) {
    long id = nextRequestId.getAndIncrement();
    CompletableFuture<JsonObject> answer = new CompletableFuture<>();
    waiting.put(id, answer);
    write(new JsonObject().put("jsonrpc", "2.0").put("id", id).put("method", method).put("params", params).encode());
    try {
      return answer.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      return new JsonObject().put("error", new JsonObject().put("code", -1).put("message", "no answer: " + e));
    }
  }

  private void chunk(String session, String kind, String text, String messageId) {
    JsonObject update = new JsonObject().put("sessionUpdate", kind).put("content", text(text));
    if (messageId != null) {
      update.put("messageId", messageId);
    }
    update(session, update);
  }

  private void update(String session, JsonObject update) {
    write(new JsonObject().put("jsonrpc", "2.0").put("method", "session/update")
        .put("params", new JsonObject().put("sessionId", session).put("update", update)).encode());
  }

  private void result(Object id, JsonObject result) {
    write(new JsonObject().put("jsonrpc", "2.0").put("id", id).put("result", result).encode());
  }

  private void error(Object id, int code, String message, Object data) {
    JsonObject error = new JsonObject().put("code", code).put("message", message);
    if (data != null) {
      error.put("data", data);
    }
    write(new JsonObject().put("jsonrpc", "2.0").put("id", id).put("error", error).encode());
  }

  private synchronized void write(String line) {
    out.print(line);
    out.print('\n');
    out.flush();
  }

  private static JsonObject text(String text) {
    return new JsonObject().put("type", "text").put("text", text);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
