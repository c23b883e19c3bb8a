package io.ghcapi.gateway;

import io.ghcapi.gateway.auth.CopilotTokenManager;
import io.ghcapi.gateway.auth.GithubCredentials;
import io.ghcapi.gateway.config.GatewayConfig;
import io.ghcapi.gateway.config.RuntimeConfig;
import io.ghcapi.gateway.exchange.ExchangeRecorder;
import io.ghcapi.gateway.http.JsonBodies;
import io.ghcapi.gateway.models.ModelCatalog;
import io.ghcapi.gateway.models.ModelMapper;
import io.ghcapi.gateway.plugins.InterceptorRegistry;
import io.ghcapi.gateway.plugins.PluginHost;
import io.ghcapi.gateway.plugins.RequestInterception;
import io.ghcapi.gateway.upstream.CopilotHeaders;
import io.ghcapi.gateway.upstream.UpstreamClient;
import io.ghcapi.gateway.util.Counters;
import io.ghcapi.translator.tokens.TokenCounter;
import io.vertx.core.Vertx;

/**
 * The state every gateway instance shares: one token manager (so refreshes stay single-flight across
 * event loops), one model catalog, the counters. Upstream clients are not shared: each instance makes
 * its own with {@link #newUpstreamClient()}, on its own event loop.
 */
public record GatewayServices(
    Vertx vertx,
    RuntimeConfig runtime,
    GithubCredentials github,
    CopilotTokenManager tokens,
    CopilotHeaders copilotHeaders,
    ModelCatalog catalog,
    ModelMapper mapper,
    ExchangeRecorder recorder,
    JsonBodies jsonBodies,
    TokenCounter tokenCounter,
    Counters counters,
    InterceptorRegistry interceptors,
    RequestInterception interception,
    PluginHost plugins) {

  /** The settings as they are now (some change at runtime). */
  public GatewayConfig config() {
    return runtime.current();
  }

  /** An upstream client whose connections live on the calling event loop. */
  public UpstreamClient newUpstreamClient() {
    return UpstreamClient.create(vertx, tokens, copilotHeaders, runtime, counters);
  }
}
