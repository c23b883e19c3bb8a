package io.ghcapi.app.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * A Vert.x instance clustered with Hazelcast: TCP-IP join from the configured member list (multicast and
 * auto-detection off), the event bus on the same host, Hazelcast's own logging through JUL and its phone
 * home off.
 */
public final class ClusteredVertx {

  private ClusteredVertx() {
  }

  public static Future<Vertx> start(ClusterSettings settings) {
    HazelcastClusterManager manager = new HazelcastClusterManager(hazelcast(settings));
    VertxOptions options = new VertxOptions().setPreferNativeTransport(true).setEventBusOptions(new EventBusOptions()
        .setHost(settings.host()).setClusterPublicHost(settings.host()).setPort(settings.eventBusPort()));
    return Vertx.builder().with(options).withClusterManager(manager).buildClustered();
  }

  static Config hazelcast(ClusterSettings settings) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(settings.name());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.logging.type", "jdk");
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(settings.port()).setPortAutoIncrement(false);
    network.setPublicAddress(settings.host() + ":" + settings.port());
    network.getInterfaces().setEnabled(false);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    // Members not up yet are retried; a short connect timeout lets a cluster starting together form quickly.
    join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2).setMembers(settings.members());
    return config;
  }
}
