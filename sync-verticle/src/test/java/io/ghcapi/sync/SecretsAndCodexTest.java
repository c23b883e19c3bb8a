package io.ghcapi.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.sync.files.CodexConfigParts;
import io.ghcapi.sync.files.SecretRedactor;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Secrets in the three file kinds are hidden line by line; Codex's projects tables are told from the rest. */
class SecretsAndCodexTest {

  @Test
  void secretsInYamlJsonAndTomlAreHiddenAndHarmlessValuesShown() {
    String yaml = """
        port: 8313
        enable_auth: false
        admin_token: adm-0123456789abcdef
        webiq_api_key: "wiq-secret"
        api_keys:
          - sk-team-0123456789
          - {name: alice, key: sk-alice-2f9c1e7a5b3d}
        api_keys_compact:
        - sk-compact-0001
        upstream: https://bob:hunter2@proxy.example:8080/
        model_mappings:
          exact: {gpt-5: gpt-5.1}
        """;
    String shown = show(yaml);
    for (String secret : List.of("adm-0123456789abcdef", "wiq-secret", "sk-team", "sk-alice", "sk-compact", "hunter2")) {
      assertFalse(shown.contains(secret), secret + " leaked:\n" + shown);
    }
    assertTrue(shown.contains("port: 8313"));
    assertTrue(shown.contains("enable_auth: false"), "booleans are not secrets");
    assertTrue(shown.contains("exact: {gpt-5: gpt-5.1}"), "the block ends where the indentation does");
    assertTrue(shown.contains("https://bob:<redacted>@proxy.example"));

    String json = show("""
        {
          "env": {"ANTHROPIC_AUTH_TOKEN": "sk-ant-abc0123456789", "ANTHROPIC_BASE_URL": "http://127.0.0.1:8313"},
          "apiKeyHelper": "~/bin/key.sh",
          "max_tokens": 8192
        }
        """);
    assertFalse(json.contains("sk-ant-abc0123456789"), json);
    assertTrue(json.contains("\"max_tokens\": 8192"));

    String toml = show("""
        experimental_bearer_token = "ghp_abcdefghijklmnop0123"
        env_key = "OPENAI_API_KEY"
        """);
    assertFalse(toml.contains("ghp_abcdefghijklmnop0123"), toml);
    assertTrue(toml.contains("env_key = \"OPENAI_API_KEY\""), toml);
    assertEquals("npm ERR! //registry.example/:_authToken=<redacted>",
        SecretRedactor.scrub("npm ERR! //registry.example/:_authToken=npm_abcdef0123456789"));
  }

  @Test
  void codexProjectsTablesStayLocalWhereverTheyAreAndTheRestIsShared() {
    String file = """
        model = "gpt-5"

        [projects."/home/a/work"]
        trust_level = "trusted"

        [projects.'/srv/x']
        trust_level = "untrusted"

        [mcp_servers.docs]
        command = "docs-mcp"
        args = [
          ["--port", "1"],
        ]
        """;
    CodexConfigParts parts = CodexConfigParts.split(file);
    assertEquals("model = \"gpt-5\"\n\n[mcp_servers.docs]\ncommand = \"docs-mcp\"\nargs = [\n  [\"--port\", \"1\"],\n]\n",
        parts.shared());
    assertTrue(parts.projects().startsWith("[projects.\"/home/a/work\"]"));
    assertTrue(parts.projects().contains("[projects.'/srv/x']"));
    String merged = CodexConfigParts.join("model = \"o3\"\n\n\n", parts.projects());
    assertEquals("model = \"o3\"\n\n" + parts.projects(), merged);
    assertEquals(CodexConfigParts.split(merged).shared(), "model = \"o3\"\n");
  }

  private static String show(String text) {
    return SecretRedactor.redact(Arrays.asList(text.split("\n"))).stream().map(SecretRedactor.Line::text)
        .collect(Collectors.joining("\n"));
  }
}
