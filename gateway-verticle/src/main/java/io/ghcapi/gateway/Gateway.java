package io.ghcapi.gateway;

import io.ghcapi.bus.Addresses;
import io.ghcapi.gateway.admin.AdminRoutes;
import io.ghcapi.gateway.auth.CopilotTokenManager;
import io.ghcapi.gateway.auth.WebDeviceLogin;
import io.ghcapi.gateway.auth.GithubCredentials;
import io.ghcapi.gateway.config.ConfigException;
import io.ghcapi.gateway.config.GatewayConfig;
import io.ghcapi.gateway.config.RuntimeConfig;
import io.ghcapi.gateway.exchange.ExchangeRecorder;
import io.ghcapi.gateway.http.JsonBodies;
import io.ghcapi.gateway.models.ModelCatalog;
import io.ghcapi.gateway.models.ModelMapper;
import io.ghcapi.gateway.plugins.InterceptorRegistry;
import io.ghcapi.gateway.plugins.PluginCatalog;
import io.ghcapi.gateway.plugins.PluginHost;
import io.ghcapi.gateway.plugins.RequestInterception;
import io.ghcapi.gateway.upstream.CopilotHeaders;
import io.ghcapi.gateway.upstream.UpstreamClient;
import io.ghcapi.gateway.util.Counters;
import io.ghcapi.translator.tokens.TokenCounter;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.logging.Logger;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A running gateway: the shared services plus the HTTP verticle instances. {@link #start} refuses an
 * unsafe exposure (a non-loopback address with no client API keys) before anything listens.
 */
public final class Gateway {

  private static final Logger LOG = Logger.getLogger(Gateway.class.getName());

  private final Vertx vertx;
  private final GatewayServices services;
  private final List<Runnable> closers;
  private final String deploymentId;
  private final int port;

  private Gateway(Vertx vertx, GatewayServices services, List<Runnable> closers, String deploymentId, int port) {
    this.vertx = vertx;
    this.services = services;
    this.closers = closers;
    this.deploymentId = deploymentId;
    this.port = port;
  }

  public static Future<Gateway> start(Vertx vertx, GatewayConfig config, GithubCredentials credentials) {
    return start(vertx, config, credentials, Clock.systemUTC());
  }

  /** As {@link #start(Vertx, GatewayConfig, GithubCredentials)}, with the clock that Copilot token expiry is judged by. */
  public static Future<Gateway> start(Vertx vertx, GatewayConfig config, GithubCredentials credentials,
      Clock clock) {
    if (!config.loopbackOnly() && config.apiKeys().isEmpty()) {
      return Future.failedFuture(new ConfigException("api_keys", "listening on " + config.address()
          + " exposes the gateway beyond this machine, so client API keys are required. Add api_keys to the config"
          + " (clients send one as 'Authorization: Bearer <key>' or 'x-api-key'), or listen on 127.0.0.1."));
    }
    if (!config.loopbackOnly() && config.adminToken().isEmpty()) {
      return Future.failedFuture(new ConfigException("admin_token", "listening on " + config.address()
          + " exposes the admin API and dashboard beyond this machine, so an admin token is required. Set admin_token"
          + " (at least 16 characters; the dashboard asks for it), or listen on 127.0.0.1."));
    }
    Counters counters = new Counters();
    WebClient githubClient = WebClient.create(vertx);
    RuntimeConfig runtime = new RuntimeConfig(config);
    CopilotHeaders headers = new CopilotHeaders(config);
    runtime.onChange(headers::reconfigure);
    CopilotTokenManager tokens = new CopilotTokenManager(vertx, githubClient, credentials, config, headers, clock);
    UpstreamClient controlPlane = UpstreamClient.create(vertx, tokens, headers, runtime, counters);
    ModelCatalog catalog = new ModelCatalog(vertx, controlPlane, config.modelsRefreshIntervalMillis());
    ModelMapper mapper = new ModelMapper(() -> runtime.current().modelMappings(), id -> catalog.find(id).isPresent(),
        id -> catalog.loaded());
    ExchangeRecorder recorder = new ExchangeRecorder(vertx, NodeId.resolve(config), config.cacheMaxRequestSize(), counters);
    InterceptorRegistry interceptors = new InterceptorRegistry();
    RequestInterception interception = new RequestInterception(interceptors, vertx.eventBus(),
        () -> runtime.current().pluginInterceptTimeoutMillis());
    PluginHost plugins = new PluginHost(vertx);
    GatewayServices services = new GatewayServices(vertx, runtime, credentials, tokens, headers, catalog, mapper, recorder,
        new JsonBodies(config.maxJsonDepth()), new TokenCounter(), counters, interceptors, interception, plugins);

    WebDeviceLogin deviceLogin = AdminRoutes.deviceLogin(services);
    List<GatewayVerticle> instances = new CopyOnWriteArrayList<>();
    DeploymentOptions options = new DeploymentOptions().setInstances(instanceCount(config));
    return vertx.deployVerticle(() -> {
          GatewayVerticle verticle = new GatewayVerticle(services, deviceLogin);
          instances.add(verticle);
          return verticle;
        }, options)
        .compose(id -> Future.all(applyConfigFromOtherNodes(vertx, runtime), interceptors.listen(vertx))
            .map(consumers -> {
              MessageConsumer<JsonObject> configFeed = consumers.resultAt(0);
              List<MessageConsumer<JsonObject>> registry = consumers.resultAt(1);
              List<Runnable> closers = new ArrayList<>(List.of(githubClient::close, controlPlane::close,
                  configFeed::unregister));
              registry.forEach(consumer -> closers.add(consumer::unregister));
              return new Gateway(vertx, services, closers, id, instances.get(0).actualPort());
            }))
        .onFailure(e -> {
          tokens.close();
          controlPlane.close();
          githubClient.close();
        });
  }

  /** Runtime settings changed on any node (this one included: applying them twice changes nothing). */
  private static Future<MessageConsumer<JsonObject>> applyConfigFromOtherNodes(Vertx vertx, RuntimeConfig runtime) {
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(Addresses.CONFIG_CHANGED, message -> {
      JsonObject changes = message.body() == null ? null : message.body().getJsonObject("changes");
      if (changes == null) {
        return;
      }
      try {
        runtime.update(changes);
      } catch (RuntimeException e) {
        LOG.warning("Ignored runtime configuration from another node: " + e.getMessage());
      }
    });
    return consumer.completion().map(consumer);
  }

  /** One instance per core; a random port (0) can only be shared by one. */
  private static int instanceCount(GatewayConfig config) {
    if (config.port() == 0) {
      return 1;
    }
    int configured = config.serverInstances();
    return configured > 0 ? configured : Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  /** Fetches the Copilot token and the model list now, so the first request does not wait for them. */
  public Future<ModelCatalog.Snapshot> warmUp() {
    return services.catalog().refresh();
  }

  public int port() {
    return port;
  }

  public GatewayServices services() {
    return services;
  }

  /**
   * Deploys the plugins in {@code folder} (jars) and in the {@code plugins:} config list. Completes when each
   * has deployed or failed; failures are reported in {@code /api/plugins} and the log, never fatal.
   */
  public Future<Void> deployPlugins(Path folder, JsonArray configured) {
    return vertx.executeBlocking(() -> PluginCatalog.read(folder, configured), false)
        .compose(catalog -> services.plugins().deploy(catalog));
  }

  public Future<Void> close() {
    services.tokens().close();
    return services.plugins().close().compose(v -> vertx.undeploy(deploymentId)).andThen(done -> closers.forEach(Runnable::run));
  }
}
