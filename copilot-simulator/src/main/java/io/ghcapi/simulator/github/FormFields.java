package io.ghcapi.simulator.github;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Reads the fields of an OAuth request body: form-encoded as GitHub expects, or a JSON object as GitHub also accepts. */
final class FormFields {

  private FormFields() {
  }

  static Map<String, String> parse(String contentType, Buffer body) {
    Map<String, String> fields = new HashMap<>();
    if (body == null || body.length() == 0) {
      return fields;
    }
    if (contentType != null && contentType.toLowerCase().contains("json")) {
      try {
        if (Json.decodeValue(body) instanceof JsonObject json) {
          json.forEach(entry -> fields.put(entry.getKey(), String.valueOf(entry.getValue())));
        }
      } catch (DecodeException ignored) {
        // an unreadable body carries no fields
      }
      return fields;
    }
    for (String pair : body.toString().split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      fields.put(decode(name), decode(value));
    }
    return fields;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }
}
