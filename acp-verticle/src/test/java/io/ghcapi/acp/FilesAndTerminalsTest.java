package io.ghcapi.acp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fs/read_text_file} and {@code fs/write_text_file} confined to the working directory, and
 * {@code terminal/*} running real commands.
 */
class FilesAndTerminalsTest {

  @TempDir
  static Path temp;
  private static AcpFixture fixture;
  private static Path work;

  @BeforeAll
  static void start() throws Exception {
    work = AcpFixture.folder(temp, "work");
    Files.writeString(work.resolve("input.txt"), "line one\nline two\nline three\n");
    Files.writeString(temp.resolve("outside.txt"), "outside, untouched\n");
    Path secrets = AcpFixture.folder(temp, "secrets");
    Files.writeString(secrets.resolve("secret.txt"), "do not read");
    Files.createSymbolicLink(work.resolve("link-out"), secrets);
    fixture = AcpFixture.builder(temp.resolve("state")).start();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void theAgentReadsAndWritesFilesInsideItsWorkingDirectory() throws Exception {
    String id = fixture.createSession("fake", work).getString("id");
    SseStream stream = fixture.prompt(id, "/fs");
    stream.drain(20);
    String text = stream.agentText();
    assertTrue(text.contains("read ok line one\nline two\nline three"), text);
    assertTrue(text.contains("line2 ok line two"), text);
    assertTrue(text.contains("write ok"), text);
    assertTrue(text.contains("missing error -32002 Resource not found"), text);
    assertEquals("written by the fake agent\n", Files.readString(work.resolve("out/output.txt"), StandardCharsets.UTF_8));
    List<JsonObject> files = stream.seen().stream().filter(e -> e.name().equals("file")).map(SseStream.Event::data)
        .toList();
    assertEquals(List.of("read", "read", "write", "read"), files.stream().map(f -> f.getString("op")).toList());
    assertEquals(work.resolve("out/output.txt").toString(), files.get(2).getString("path"));
    assertEquals(26, files.get(2).getInteger("bytes"));
    fixture.delete("/api/agent/sessions/" + id);
  }

  @Test
  void fileAccessOutsideTheWorkingDirectoryIsRefused() throws Exception {
    String id = fixture.createSession("fake", work).getString("id");
    SseStream stream = fixture.prompt(id, "/fs-outside");
    stream.drain(20);
    String text = stream.agentText();
    assertTrue(text.contains("read-outside error -32602 Refused"), text);
    assertTrue(text.contains("write-outside error -32602 Refused"), text);
    assertTrue(text.contains("read-link error -32602 Refused"), text);
    assertFalse(text.contains("do not read"));
    assertEquals("outside, untouched\n", Files.readString(temp.resolve("outside.txt")));
    assertTrue(stream.seen().stream().filter(e -> e.name().equals("file"))
        .allMatch(e -> e.data().getString("refused").contains("outside the session's working directory")));
    fixture.delete("/api/agent/sessions/" + id);
  }

  @Test
  void terminalsRunRealCommandsWithOutputWaitKillAndRelease() {
    String id = fixture.createSession("fake", work).getString("id");
    SseStream stream = fixture.prompt(id, "/terminal");
    List<SseStream.Event> events = stream.drain(20);
    String text = stream.agentText();
    assertTrue(text.contains("terminal exit=3 output=hello-terminal|from-env"), text);
    assertTrue(text.contains("killed-signal=SIGKILL"), text);
    assertTrue(text.contains("output-after-kill=true"), "kill keeps the id valid: " + text);
    assertTrue(text.contains("after-release=error"), "release forgets the id: " + text);
    List<String> states = events.stream().filter(e -> e.name().equals("terminal"))
        .map(e -> e.data().getString("terminal_id") + ":" + e.data().getString("state")).toList();
    assertEquals(List.of("term-1:started", "term-1:exited", "term-1:released", "term-2:started", "term-2:exited",
        "term-2:released"), states);
    assertTrue(events.stream().anyMatch(e -> e.name().equals("terminal_output")
        && e.data().getString("text").contains("hello-terminal")), stream.names().toString());
    JsonObject toolCall = events.stream().filter(e -> e.data().getJsonObject("update") != null
        && "c3".equals(e.data().getJsonObject("update").getString("toolCallId"))).findFirst().orElseThrow()
        .data().getJsonObject("update");
    assertEquals("terminal", toolCall.getJsonArray("content").getJsonObject(0).getString("type"));
    fixture.delete("/api/agent/sessions/" + id);
  }

  @Test
  void withTerminalsOffTheyAreNotAdvertisedAndNotServed(@TempDir Path other) {
    try (AcpFixture noTerminals = AcpFixture.builder(other.resolve("state")).acp("acp_terminals", false).start()) {
      String id = noTerminals.createSession("fake", work).getString("id");
      assertTrue(noTerminals.prompt(id, "/whoami").drain(20).toString().contains("terminal=false"));
      SseStream stream = noTerminals.prompt(id, "/terminal");
      stream.drain(20);
      assertTrue(stream.agentText().contains("terminal error -32601"), stream.agentText());
    }
  }
}
