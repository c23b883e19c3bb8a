package io.ghcapi.gateway.upstream;

import io.ghcapi.gateway.auth.CopilotToken;
import io.ghcapi.gateway.config.GatewayConfig;

/**
 * Which Copilot API host to call: {@code copilot_api_base_url} when configured; else the host GitHub sent
 * with the token ({@code endpoints.api}, right for every plan); else derived from {@code account_type}.
 */
public final class CopilotApi {

  private final String configured;
  private final String byAccountType;
  private volatile UpstreamTarget lastTarget;

  public CopilotApi(GatewayConfig config) {
    this.configured = config.copilotApiBaseUrl();
    this.byAccountType = "individual".equals(config.accountType())
        ? "https://api.githubcopilot.com"
        : "https://api." + config.accountType() + ".githubcopilot.com";
  }

  /** The parsed target for this token's base URL; parsed again only when the base URL changes. */
  UpstreamTarget target(CopilotToken token) {
    String base = baseUrl(token);
    UpstreamTarget cached = lastTarget;
    if (cached == null || !cached.baseUrl().equals(base)) {
      cached = UpstreamTarget.parse(base);
      lastTarget = cached;
    }
    return cached;
  }

  public String baseUrl(CopilotToken token) {
    if (!configured.isEmpty()) {
      return configured;
    }
    String fromToken = token.apiBaseUrl();
    if (fromToken != null && fromToken.startsWith("https://")) {
      return fromToken.endsWith("/") ? fromToken.substring(0, fromToken.length() - 1) : fromToken;
    }
    return byAccountType;
  }
}
