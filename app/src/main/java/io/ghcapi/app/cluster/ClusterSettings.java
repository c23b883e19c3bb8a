package io.ghcapi.app.cluster;

import io.ghcapi.gateway.config.ConfigException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code cluster:} section of the configuration: the Hazelcast member list (TCP-IP join; multicast is
 * never used), this member's address and port, and the cluster's name, so two teams' clusters on one
 * network never merge.
 *
 * <pre>
 * cluster:
 *   enabled: true            # or start with --cluster
 *   name: ghc-api
 *   host: 10.0.0.11          # this member's address, as the others reach it
 *   port: 5701               # Hazelcast port (event-bus port: event_bus_port, 0 = any)
 *   members: [10.0.0.11:5701, 10.0.0.12:5701, 10.0.0.13:5701]
 * </pre>
 */
public record ClusterSettings(boolean enabled, String name, String host, int port, int eventBusPort,
    List<String> members) {

  public static ClusterSettings from(JsonObject config) {
    Object section = config.getValue("cluster");
    if (section == null) {
      return new ClusterSettings(false, "ghc-api", "127.0.0.1", 5701, 0, List.of("127.0.0.1:5701"));
    }
    if (!(section instanceof JsonObject cluster)) {
      throw new ConfigException("cluster", "must be a mapping (enabled, name, host, port, members)");
    }
    Object enabled = cluster.getValue("enabled", false);
    if (!(enabled instanceof Boolean on)) {
      throw new ConfigException("cluster.enabled", "must be true or false");
    }
    String name = text(cluster, "name", "ghc-api");
    String host = text(cluster, "host", "127.0.0.1");
    int port = port(cluster, "port", 5701);
    int eventBusPort = port(cluster, "event_bus_port", 0);
    List<String> members = new ArrayList<>();
    Object listed = cluster.getValue("members");
    if (listed == null) {
      members.add(host + ":" + port);
    } else if (listed instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        if (!(array.getValue(i) instanceof String member) || !member.matches("[^:\\s]+:\\d{1,5}")) {
          throw new ConfigException("cluster.members[" + i + "]", "must be host:port, got " + array.getValue(i));
        }
        members.add(member);
      }
    } else {
      throw new ConfigException("cluster.members", "must be a list of host:port");
    }
    return new ClusterSettings(on, name, host, port, eventBusPort, List.copyOf(members));
  }

  public ClusterSettings enabled(boolean on) {
    return new ClusterSettings(on, name, host, port, eventBusPort, members);
  }

  private static String text(JsonObject cluster, String key, String fallback) {
    Object value = cluster.getValue(key, fallback);
    if (!(value instanceof String text) || text.isBlank()) {
      throw new ConfigException("cluster." + key, "must be a non-empty string");
    }
    return text.trim();
  }

  private static int port(JsonObject cluster, String key, int fallback) {
    Object value = cluster.getValue(key, fallback);
    if (!(value instanceof Number n) || n.intValue() < 0 || n.intValue() > 65535) {
      throw new ConfigException("cluster." + key, "must be a port number (0-65535)");
    }
    return n.intValue();
  }
}
