package io.ghcapi.acp;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How to start the fake agent ({@code io.ghcapi.acp.fake.FakeAgent}) as an {@code acp_agents} entry. */
public final class FakeAgentCommand {

  private static final List<String> NEEDED = List.of("test-classes", "vertx-core", "jackson-core", "netty-common",
      "netty-buffer");

  private FakeAgentCommand() {
  }

  /** An {@code acp_agents} entry running the fake with these environment variables. */
  public static JsonObject entry(Map<String, String> env) {
    JsonObject variables = new JsonObject();
    env.forEach(variables::put);
    return new JsonObject().put("name", "Fake agent").put("command", javaBinary())
        .put("args", new JsonArray(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
            "-Xss512k", "-cp", classpath(), "io.ghcapi.acp.fake.FakeAgent")))
        .put("env", variables).put("npm_package", "@example/fake-agent");
  }

  static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The part of the test class path the fake needs (a short one starts faster). */
  static String classpath() {
    String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> kept = new ArrayList<>();
    for (String entry : full.split(File.pathSeparator)) {
      if (NEEDED.stream().anyMatch(entry::contains)) {
        kept.add(entry);
      }
    }
    return String.join(File.pathSeparator, kept.isEmpty() ? List.of(full) : kept);
  }
}
