package io.ghcapi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ghc-api --demo}: the real server in front of the built-in Copilot simulator. */
class DemoServerTest {

  @TempDir
  Path dir;

  private ServerRun server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
    Cli.lastStarted().ifPresent(ServerRun::stop);
  }

  private Cli.Result start(String... args) {
    Cli.Result r = Cli.run(dir, args);
    server = r.command().server();
    return r;
  }

  private static HttpResponse<String> post(int port, String path, JsonObject body, String apiKey)
      throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(5))
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
    if (apiKey != null) {
      request.header("authorization", "Bearer " + apiKey);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject chatRequest(boolean stream) {
    return new JsonObject().put("model", "gpt-4o").put("stream", stream).put("messages",
        new io.vertx.core.json.JsonArray().add(new JsonObject().put("role", "user").put("content", "hello demo")));
  }

  @Test
  void demoServesChatCompletionsFromTheSimulator() throws Exception {
    Cli.Result r = start("--demo", "-p", "0");
    assertEquals(0, r.code(), r::toString);
    assertNotNull(server, r::toString);
    int port = server.port();
    assertTrue(port > 0);

    assertTrue(r.out().contains("DEMO MODE"), r.out());
    assertTrue(r.out().contains("ghc-api " + Version.current() + " ready"), r.out());
    assertTrue(r.out().contains("http://127.0.0.1:" + port + "/v1"), "banner shows the real port:\n" + r.out());
    assertTrue(r.out().contains("Models ("), "banner has the model table:\n" + r.out());
    assertTrue(r.out().contains("gpt-4o"), r.out());
    assertTrue(r.out().contains("claude-sonnet-4.5"), r.out());
    assertTrue(r.out().contains("Model mappings"), r.out());
    assertTrue(r.out().contains("opus -> claude-opus-4.8"), r.out());
    assertTrue(Files.isRegularFile(dir.resolve("config.yaml")), "a first start writes the default config");
    assertTrue(r.err().isBlank(), "a default start prints no warnings:\n" + r.err());

    // non-streaming
    HttpResponse<String> response = post(port, "/v1/chat/completions", chatRequest(false), null);
    assertEquals(200, response.statusCode(), response.body());
    JsonObject completion = new JsonObject(response.body());
    assertEquals("chat.completion", completion.getString("object"));
    String content = completion.getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content");
    assertTrue(content.contains("Simulated reply from"), content);

    // streaming
    HttpResponse<String> stream = post(port, "/v1/chat/completions", chatRequest(true), null);
    assertEquals(200, stream.statusCode(), stream.body());
    assertTrue(stream.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"),
        stream.headers().toString());
    List<String> dataLines = stream.body().lines().filter(l -> l.startsWith("data:")).toList();
    assertTrue(dataLines.size() >= 3, stream.body());
    assertEquals("data: [DONE]", dataLines.get(dataLines.size() - 1));
    StringBuilder text = new StringBuilder();
    for (String line : dataLines.subList(0, dataLines.size() - 1)) {
      JsonObject chunk = new JsonObject(line.substring(5).trim());
      assertEquals("chat.completion.chunk", chunk.getString("object"), line);
      for (Object choice : chunk.getJsonArray("choices")) {
        Object piece = ((JsonObject) choice).getJsonObject("delta", new JsonObject()).getValue("content");
        if (piece instanceof String s) {
          text.append(s);
        }
      }
    }
    assertTrue(text.toString().contains("Simulated reply from"), text.toString());
  }

  /** A config with a typo and client keys, and the port from the environment. */
  @Test
  void configuredDemoWarnsAboutTyposAndEnforcesKeys() throws Exception {
    int free;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      free = socket.getLocalPort();
    }
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, """
        port: 8313
        prot: 9000
        api_keys:
          - name: tester
            key: test-key-12345
        """);
    Cli.Result r = Cli.run(dir, Map.of("GHC_API_PORT", String.valueOf(free)), "--demo");
    server = r.command().server();
    assertEquals(0, r.code(), r::toString);

    assertTrue(r.err().contains("unknown key 'prot'"), r.err());
    assertTrue(r.err().contains(config.toString()), r.err());
    assertTrue(!r.err().contains("'port'") && !r.err().contains("'api_keys'"), "only the typo is reported:\n" + r.err());

    assertEquals(free, server.port(), "GHC_API_PORT overrides the file's port");
    assertTrue(r.out().contains(":" + free + "/v1"), r.out());

    assertEquals(401, post(free, "/v1/chat/completions", chatRequest(false), null).statusCode());
    HttpResponse<String> ok = post(free, "/v1/chat/completions", chatRequest(false), "test-key-12345");
    assertEquals(200, ok.statusCode(), ok.body());
  }

  /** The shutdown hook and tests call stop(); it must not hang until its 10 s safety timeout. */
  @Test
  void stopReturnsPromptly() throws Exception {
    Cli.Result r = start("--demo", "-p", "0");
    assertEquals(0, r.code(), r::toString);
    int port = server.port();
    long begin = System.nanoTime();
    server.stop();
    long millis = (System.nanoTime() - begin) / 1_000_000;
    server = null;
    assertTrue(millis < 3000, "ServerRun.stop() took " + millis + " ms");
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000);
      throw new AssertionError("still listening on " + port + " after stop()");
    } catch (java.net.ConnectException expected) {
      // nothing listens any more
    }
  }

  @Test
  void publicAddressWithoutApiKeysIsRefused() {
    Cli.Result r = start("-a", "0.0.0.0", "--demo", "-p", "0");
    assertEquals(1, r.code(), r::toString);
    assertNull(r.command().server());
    assertTrue(r.err().contains("api_keys"), r.err());
    assertTrue(r.err().contains("0.0.0.0"), r.err());
    assertTrue(r.err().toLowerCase().contains("required"), r.err());
  }

  @Test
  void publicAddressFromTheConfigWithoutApiKeysIsRefused() throws IOException {
    Files.writeString(dir.resolve("config.yaml"), "address: 0.0.0.0\n");
    Cli.Result r = start("--demo", "-p", "0");
    assertEquals(1, r.code(), r::toString);
    assertTrue(r.err().contains("api_keys"), r.err());
  }
}
