package io.ghcapi.gateway.auth;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** The GitHub API base URL and the OAuth web origin derived from it (seed §1.1). */
public final class GithubUrls {

  public static final String DEFAULT_API = "https://api.github.com";

  private final String apiBaseUrl;

  public GithubUrls(String configuredApiBaseUrl) {
    this.apiBaseUrl = configuredApiBaseUrl == null || configuredApiBaseUrl.isBlank() ? DEFAULT_API : configuredApiBaseUrl;
  }

  public String apiBaseUrl() {
    return apiBaseUrl;
  }

  public String copilotTokenUrl() {
    return apiBaseUrl + "/copilot_internal/v2/token";
  }

  /**
   * Where the device flow runs: {@code https://api.github.com} → {@code https://github.com},
   * {@code https://api.<tenant>.ghe.com} → {@code https://<tenant>.ghe.com}. Any other http(s) base (a local
   * simulator, say) is used as is, since it serves the device endpoints itself.
   */
  public Optional<String> oauthWebOrigin() {
    URI uri;
    try {
      uri = URI.create(apiBaseUrl);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if ("https".equals(uri.getScheme()) && host.equals("api.github.com")) {
      return Optional.of("https://github.com");
    }
    if ("https".equals(uri.getScheme()) && host.startsWith("api.") && host.endsWith(".ghe.com")) {
      return Optional.of("https://" + host.substring(4));
    }
    if (uri.getScheme() != null && uri.getScheme().startsWith("http") && !host.isEmpty()) {
      return Optional.of(apiBaseUrl);
    }
    return Optional.empty();
  }
}
