package io.ghcapi.gateway.upstream;

import java.net.URI;

/** A Copilot base URL taken apart once, so no request parses a URL. */
record UpstreamTarget(String baseUrl, String host, int port, boolean ssl, String basePath) {

  static UpstreamTarget parse(String baseUrl) {
    URI uri = URI.create(baseUrl);
    boolean ssl = "https".equalsIgnoreCase(uri.getScheme());
    int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return new UpstreamTarget(baseUrl, uri.getHost(), port, ssl, path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
  }
}
