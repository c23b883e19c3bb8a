package io.ghcapi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.app.cluster.ClusterSettings;
import io.ghcapi.gateway.config.GatewayConfig;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import picocli.CommandLine;

/**
 * The 3-node team server files (no Docker engine here): the compose file parses, and what it passes each
 * node (command and environment) is what the launcher accepts, giving a valid clustered configuration.
 */
class TeamServerFilesTest {

  private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
  private static final Map<String, String> SECRETS = Map.of(
      "GITHUB_TOKEN", "gho_example",
      "GHC_API_ADMIN_TOKEN", "admin-token-0123456789",
      "GHC_API_API_KEYS", "[{name: alice, key: sk-alice-0123456789}]");

  @Test
  @SuppressWarnings("unchecked")
  void composeStartsThreeClusteredNodesTheLauncherAccepts() throws Exception {
    String text = Files.readString(ROOT.resolve("docker-compose.yml"));
    Map<String, Object> compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    Map<String, Object> services = (Map<String, Object>) compose.get("services");
    assertEquals(Set.of("node1", "node2", "node3"), services.keySet());

    Set<String> hostPorts = new HashSet<>();
    for (Map.Entry<String, Object> service : services.entrySet()) {
      Map<String, Object> node = (Map<String, Object>) service.getValue();
      List<String> command = (List<String>) node.get("command");
      assertEquals(0, new CommandLine(new GhcApiCommand(Map.of(), System.out, System.err))
          .parseArgs(command.toArray(String[]::new)).errors().size());
      assertTrue(command.contains("--cluster"));

      Map<String, String> env = new HashMap<>();
      ((Map<String, Object>) node.get("environment")).forEach((k, v) -> env.put(k, substitute(String.valueOf(v))));
      JsonObject config = ConfigLoader.fromEnvironment(env);
      GatewayConfig gateway = GatewayConfig.from(config);
      assertFalse(gateway.loopbackOnly());
      assertFalse(gateway.apiKeys().isEmpty(), "a network bind needs client keys");
      assertFalse(gateway.adminToken().isEmpty(), "a network bind needs the admin token");
      assertEquals(service.getKey(), gateway.nodeId());
      ClusterSettings cluster = ClusterSettings.from(config);
      assertTrue(cluster.enabled());
      assertEquals(service.getKey(), cluster.host());
      assertEquals(List.of("node1:5701", "node2:5701", "node3:5701"), cluster.members());
      hostPorts.add(((List<String>) node.get("ports")).get(0).split(":")[0]);
    }
    assertEquals(3, hostPorts.size(), "each node on its own host port");
  }

  @Test
  void theImageRunsTheJarTheBuildMakes() throws Exception {
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    assertTrue(dockerfile.contains("COPY app/target/ghc-api.jar /opt/ghc-api/ghc-api.jar"));
    assertTrue(dockerfile.contains("\"-jar\", \"/opt/ghc-api/ghc-api.jar\""));
    assertTrue(dockerfile.contains("CMD [\"--cluster\"]"));
    assertTrue(Files.readString(ROOT.resolve("app/pom.xml")).contains("<outputFile>${project.build.directory}/ghc-api.jar"));
  }

  /** ${NAME:?message} and ${NAME} in a value, as docker compose interpolates them (after parsing). */
  private static String substitute(String text) {
    Matcher matcher = Pattern.compile("\\$\\{([A-Z_]+)(:\\?[^}]*)?}").matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = SECRETS.get(matcher.group(1));
      assertTrue(value != null, "unexpected variable " + matcher.group(1));
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
