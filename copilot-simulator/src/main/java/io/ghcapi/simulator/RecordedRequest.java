package io.ghcapi.simulator;

import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One request the simulator received.
 *
 * @param method the HTTP method
 * @param path the path, without the query string
 * @param query the raw query string, or {@code null}
 * @param headers the headers, names lower-cased (repeated headers joined with {@code ", "})
 * @param body the body as text (empty when there was none)
 * @param receivedAtMillis when it arrived, epoch milliseconds
 */
public record RecordedRequest(String method, String path, String query, Map<String, String> headers, String body,
    long receivedAtMillis) {

  public RecordedRequest {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** The body parsed as a JSON object. */
  public JsonObject json() {
    return new JsonObject(body);
  }

  /** A header value by name (any case), or {@code null}. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }
}
