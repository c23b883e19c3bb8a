package io.ghcapi.gateway;

import io.ghcapi.gateway.config.GatewayConfig;

/** This node's name in request records: {@code node_id} from config, else the host name, else the pid. */
public final class NodeId {

  private NodeId() {
  }

  public static String resolve(GatewayConfig config) {
    if (!config.nodeId().isBlank()) {
      return config.nodeId();
    }
    String host = System.getenv("HOSTNAME");
    if (host != null && !host.isBlank()) {
      return host;
    }
    return "node-" + ProcessHandle.current().pid();
  }
}
