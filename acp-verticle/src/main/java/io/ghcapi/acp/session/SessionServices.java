package io.ghcapi.acp.session;

import io.ghcapi.acp.AcpConfig;
import io.ghcapi.acp.agent.CommandLocator;
import io.ghcapi.acp.agent.ProcessRegistry;
import io.ghcapi.acp.store.SessionStore;
import io.vertx.core.Vertx;

/**
 * What every session uses: Vert.x, the config, the store, the register of started processes and the way to
 * find agent programs.
 */
public record SessionServices(Vertx vertx, AcpConfig config, SessionStore store, ProcessRegistry processes,
    CommandLocator locator) {

  public AcpConfig.Limits limits() {
    return config.limits();
  }
}
