package io.ghcapi.bus;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Removes credentials from anything that will be stored or shown: client headers in request records,
 * config values in the admin API, log lines.
 */
public final class Redaction {

  private static final Set<String> SECRET_HEADERS = Set.of(
      "authorization", "proxy-authorization", "x-api-key", "api-key", "cookie", "set-cookie");
  private static final String[] SECRET_NAME_PARTS = {"token", "secret", "password", "api-key", "apikey", "api_key"};

  private Redaction() {
  }

  /** True when a header or config key name is known to carry a credential. */
  public static boolean isSecretName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (SECRET_HEADERS.contains(lower)) {
      return true;
    }
    for (String part : SECRET_NAME_PARTS) {
      if (lower.contains(part)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The redacted form of a secret: keeps an auth scheme ("Bearer") so a reader can tell how the client
   * authenticated, and the length, never a character of the secret itself.
   */
  public static String redactValue(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    int space = value.indexOf(' ');
    if (space > 0 && space < 16) {
      return value.substring(0, space) + " [REDACTED " + (value.length() - space - 1) + " chars]";
    }
    return "[REDACTED " + value.length() + " chars]";
  }

  /** Headers as a JSON object (lower-case names; repeated headers joined by ", "), credentials redacted. */
  public static JsonObject headers(MultiMap headers) {
    JsonObject out = new JsonObject();
    for (Map.Entry<String, String> header : headers) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      String value = isSecretName(name) ? redactValue(header.getValue()) : header.getValue();
      String previous = out.getString(name);
      out.put(name, previous == null ? value : previous + ", " + value);
    }
    return out;
  }
}
