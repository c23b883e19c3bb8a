package io.ghcapi.sync.tools;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The version probe of the tools the code agents need (seed §8.6): each is looked up on the configured
 * {@code PATH} and, if found, run with {@code --version} under a time limit. Blocking: run each probe on a
 * worker thread (they may run in parallel).
 */
public final class SoftwareVersions {

  /** One probed tool: its id on the wire, a readable name, the program looked up. */
  public record Tool(String id, String name, String program) {
  }

  public static final List<Tool> TOOLS = List.of(
      new Tool("nodejs", "Node.js", "node"),
      new Tool("npm", "npm", "npm"),
      new Tool("claude_code", "Claude Code", "claude"),
      new Tool("codex", "Codex CLI", "codex"),
      new Tool("copilot_cli", "GitHub Copilot CLI", "copilot"),
      new Tool("visual_studio_code", "Visual Studio Code", "code"));

  static final int DETAIL_CHARS = 2000;

  private final ExecutableFinder finder;
  private final ProcessRunner runner;
  private final long timeoutMillis;

  public SoftwareVersions(ExecutableFinder finder, ProcessRunner runner, long timeoutMillis) {
    this.finder = finder;
    this.runner = runner;
    this.timeoutMillis = timeoutMillis;
  }

  /** {@code {id, name, installed, version, command, path, detail, timed_out, duration_ms}}. */
  public JsonObject probe(Tool tool) {
    String command = tool.program() + " --version";
    JsonObject info = new JsonObject().put("id", tool.id()).put("name", tool.name()).put("command", command);
    Optional<Path> program = finder.find(tool.program());
    if (program.isEmpty()) {
      return info.put("installed", false).put("version", "Not installed").put("path", null).put("detail", "")
          .put("timed_out", false);
    }
    ProcessResult result = runner.run(ExecutableFinder.commandFor(program.get(), List.of("--version")), null,
        timeoutMillis, null);
    String output = (result.stdoutTail() + result.stderrTail()).strip();
    String version;
    if (result.startError() != null) {
      version = "error (could not start)";
      output = result.startError();
    } else if (result.timedOut()) {
      version = "timed out after " + timeoutMillis / 1000.0 + " s";
    } else if (result.exitCode() != 0) {
      version = "error (rc=" + result.exitCode() + ")";
    } else {
      version = firstLine(result.stdoutTail().isBlank() ? result.stderrTail() : result.stdoutTail());
    }
    return info.put("installed", true).put("version", version).put("path", program.get().toString())
        .put("detail", tail(output)).put("timed_out", result.timedOut()).put("duration_ms", result.durationMillis());
  }

  public static JsonObject collect(List<JsonObject> tools) {
    return new JsonObject().put("tools", new io.vertx.core.json.JsonArray(List.copyOf(tools)))
        .put("checked_at", Instant.now().toString());
  }

  private static String firstLine(String text) {
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        return line.strip();
      }
    }
    return "(no output)";
  }

  private static String tail(String text) {
    return text.length() <= DETAIL_CHARS ? text : text.substring(text.length() - DETAIL_CHARS);
  }
}
