package io.ghcapi.gateway.upstream;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/**
 * One call to the Copilot API: a path relative to the Copilot base URL, the headers that depend on the
 * request ({@code X-Initiator}, {@code Copilot-Vision-Request}), and the body, held whole so a connection
 * failure can be retried.
 */
public record UpstreamCall(HttpMethod method, String path, MultiMap extraHeaders, Buffer body) {

  public static UpstreamCall get(String path) {
    return new UpstreamCall(HttpMethod.GET, path, MultiMap.caseInsensitiveMultiMap(), null);
  }

  public static UpstreamCall post(String path, Buffer body, MultiMap extraHeaders) {
    return new UpstreamCall(HttpMethod.POST, path, extraHeaders, body);
  }
}
