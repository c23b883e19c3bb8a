package io.ghcapi.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void credentialsInHeadersAreRedactedKeepingTheScheme() {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap()
        .add("Authorization", "Bearer sk-live-123456")
        .add("X-Api-Key", "sk-ant-abc")
        .add("Cookie", "session=1")
        .add("X-GitHub-Token", "gho_secret")
        .add("Content-Type", "application/json")
        .add("Accept", "a")
        .add("Accept", "b");

    JsonObject redacted = Redaction.headers(headers);

    assertEquals("Bearer [REDACTED 14 chars]", redacted.getString("authorization"));
    assertEquals("[REDACTED 10 chars]", redacted.getString("x-api-key"));
    assertEquals("[REDACTED 9 chars]", redacted.getString("cookie"));
    assertEquals("[REDACTED 10 chars]", redacted.getString("x-github-token"));
    assertEquals("application/json", redacted.getString("content-type"));
    assertEquals("a, b", redacted.getString("accept"));
    assertFalse(redacted.encode().contains("sk-live"));
    assertFalse(redacted.encode().contains("gho_secret"));
  }

  @Test
  void secretNamesAreRecognised() {
    assertTrue(Redaction.isSecretName("github_token"));
    assertTrue(Redaction.isSecretName("api_keys"));
    assertTrue(Redaction.isSecretName("Proxy-Authorization"));
    assertFalse(Redaction.isSecretName("keep-alive"));
    assertFalse(Redaction.isSecretName("model"));
  }
}
