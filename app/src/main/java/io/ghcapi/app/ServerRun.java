package io.ghcapi.app;

import io.ghcapi.app.cluster.ClusterSettings;
import io.ghcapi.app.cluster.ClusteredVertx;
import io.ghcapi.acp.AcpVerticle;
import io.ghcapi.cache.CacheVerticle;
import io.ghcapi.gateway.Gateway;
import io.ghcapi.gateway.NodeId;
import io.ghcapi.gateway.config.GatewayConfig;
import io.ghcapi.gateway.auth.GithubCredentials;
import io.ghcapi.gateway.auth.GithubTokenStore;
import io.ghcapi.gateway.config.ConfigException;
import io.ghcapi.gateway.models.ModelCatalog;
import io.ghcapi.simulator.CopilotSimulator;
import io.ghcapi.translator.TranslatorVerticle;
import io.ghcapi.simulator.SimulatorOptions;
import io.ghcapi.sync.SyncVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One life of the server: load the config, get credentials, start the gateway, print the banner. */
public final class ServerRun {

  private static final long WARM_UP_WAIT_SECONDS = 15;

  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;
  private final Path configFile;
  private final GithubTokenStore tokenStore;
  private Vertx vertx;
  private Gateway gateway;
  private CopilotSimulator simulator;

  ServerRun(Map<String, String> env, PrintStream out, PrintStream err, Path configFile, GithubTokenStore tokenStore) {
    this.env = env;
    this.out = out;
    this.err = err;
    this.configFile = configFile;
    this.tokenStore = tokenStore;
  }

  /** Starts serving; returns 0 when serving, 1 when it could not start (the reason printed). */
  int start(JsonObject overrides, boolean demo, boolean cluster) throws IOException {
    ConfigLoader.Loaded config = loadConfigWithBootstrapVertx(overrides);
    if (config == null) {
      return 1;
    }
    ClusterSettings clusterSettings;
    try {
      clusterSettings = ClusterSettings.from(config.merged());
    } catch (ConfigException e) {
      err.println("Configuration error: " + configFile + ": " + e.getMessage());
      return 1;
    }
    if (cluster) {
      clusterSettings = clusterSettings.enabled(true);
    }
    try {
      vertx = clusterSettings.enabled() ? ClusteredVertx.start(clusterSettings).await()
          : Vertx.builder().with(new VertxOptions().setPreferNativeTransport(true)).build();
    } catch (Exception e) {
      err.println("Cannot join the cluster '" + clusterSettings.name() + "' at " + clusterSettings.host() + ":"
          + clusterSettings.port() + ": " + e.getMessage());
      return 1;
    }
    GithubCredentials credentials;
    GatewayConfig gatewayConfig = config.gateway();
    if (demo) {
      simulator = CopilotSimulator.start(vertx, new SimulatorOptions()).await();
      gatewayConfig = GatewayConfig.from(config.merged().copy()
          .put("copilot_api_base_url", simulator.baseUrl()).put("github_api_base_url", simulator.baseUrl()));
      credentials = GithubCredentials.of("demo-github-token", GithubCredentials.Source.DEMO);
      StartupBanner.demoWarning(out, simulator.baseUrl());
    } else {
      credentials = tokenStore.load();
      credentials.persistWith(tokenStore::save, tokenStore::delete);
    }
    try {
      if (gatewayConfig.historyEnabled()) {
        vertx.deployVerticle(new CacheVerticle(), new DeploymentOptions().setConfig(cacheConfig(gatewayConfig, demo)))
            .await();
      }
      gateway = Gateway.start(vertx, gatewayConfig, credentials).await();
    } catch (ConfigException e) {
      err.println("Refusing to start: " + e.getMessage());
      stop();
      return 1;
    } catch (Exception e) {
      err.println("Cannot start the server on " + gatewayConfig.address() + ":" + gatewayConfig.port() + ": "
          + describeStartFailure(e));
      stop();
      return 1;
    }
    vertx.deployVerticle(new TranslatorVerticle()).await();
    deploySync(config.merged(), gatewayConfig);
    deployAgents(config.merged(), gatewayConfig);
    deployPlugins(config.merged());
    ModelCatalog.Snapshot models = null;
    String modelsProblem = null;
    if (credentials.token().isPresent()) {
      try {
        models = gateway.warmUp().timeout(WARM_UP_WAIT_SECONDS, TimeUnit.SECONDS).await();
      } catch (RuntimeException e) {
        modelsProblem = e.getMessage();
      }
    } else {
      modelsProblem = "no GitHub token";
    }
    StartupBanner.print(out, gatewayConfig, gateway.port(), configFile, credentials, models, modelsProblem,
        millisSinceJvmStart());
    if (clusterSettings.enabled()) {
      out.println("Cluster '" + clusterSettings.name() + "': this node is " + NodeId.resolve(gatewayConfig) + " at "
          + clusterSettings.host() + ":" + clusterSettings.port() + ", members " + clusterSettings.members());
    }
    if (credentials.token().isEmpty()) {
      new BackgroundLogin(vertx, gatewayConfig, credentials, tokenStore, gateway, out, err).startIfInteractive();
    }
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "ghc-api-shutdown"));
    return 0;
  }

  /** Config sync, machine usage files and the code-agent tools; sync itself stays off unless onedrive_access. */
  private void deploySync(JsonObject merged, GatewayConfig gatewayConfig) {
    JsonObject syncConfig = merged.copy().put("config_file", configFile.toString())
        .put("node_id", NodeId.resolve(gatewayConfig));
    try {
      vertx.deployVerticle(new SyncVerticle(), new DeploymentOptions().setConfig(syncConfig)).await();
    } catch (RuntimeException e) {
      err.println("Config sync and tools are off: " + e.getMessage());
    }
  }

  /**
   * Code agents over ACP, pointed at this gateway so their model traffic shows in the history. With client API
   * keys required, agents use {@code acp_gateway_api_key}, else the first configured key.
   */
  private void deployAgents(JsonObject merged, GatewayConfig gatewayConfig) {
    JsonObject acpConfig = merged.copy()
        .put("acp_state_dir", merged.getString("acp_state_dir", configFile.getParent().resolve("agents").toString()))
        .put("acp_gateway_base_url", merged.getString("acp_gateway_base_url", "http://127.0.0.1:" + gateway.port()))
        .put("node_id", NodeId.resolve(gatewayConfig));
    if (!merged.containsKey("acp_gateway_api_key") && !gatewayConfig.apiKeys().isEmpty()) {
      acpConfig.put("acp_gateway_api_key", gatewayConfig.apiKeys().get(0).key());
    }
    try {
      vertx.deployVerticle(new AcpVerticle(), new DeploymentOptions().setConfig(acpConfig)).await();
    } catch (RuntimeException e) {
      err.println("Code agents are off: " + e.getMessage());
    }
  }

  /**
   * Plugins from {@code plugins_dir} (default {@code <config dir>/plugins}) and the {@code plugins:} list. One that
   * fails is reported, here and in {@code /api/plugins}; the server runs on without it.
   */
  private void deployPlugins(JsonObject merged) {
    Path folder = merged.getValue("plugins_dir") instanceof String dir && !dir.isBlank()
        ? Path.of(dir) : configFile.getParent().resolve("plugins");
    Object listed = merged.getValue("plugins");
    if (listed != null && !(listed instanceof JsonArray)) {
      err.println("Warning: " + configFile + ": 'plugins' must be a list of {class, config}; ignored");
    }
    gateway.deployPlugins(folder, listed instanceof JsonArray list ? list : new JsonArray()).await();
    for (Object entry : gateway.services().plugins().toJson()) {
      JsonObject plugin = (JsonObject) entry;
      if ("deployed".equals(plugin.getString("status"))) {
        out.println("Plugin " + plugin.getString("name") + " deployed from " + plugin.getString("source"));
      } else {
        err.println("Plugin " + (plugin.getString("name") == null ? "" : plugin.getString("name") + " ")
            + "failed: " + plugin.getString("error"));
      }
    }
  }

  /** The history under the config dir; the demo keeps it in memory so a demo leaves nothing behind. */
  private JsonObject cacheConfig(GatewayConfig gatewayConfig, boolean demo) {
    Path dir = configFile.getParent();
    return new JsonObject()
        .put("node_id", NodeId.resolve(gatewayConfig))
        .put("history_dir", dir.resolve("history").toString())
        .put("requests_dir", dir.resolve("requests").toString())
        .put("cache_max_entries", gatewayConfig.cacheMaxEntries())
        .put("cache_max_request_size", gatewayConfig.cacheMaxRequestSize())
        .put("save_request_to_file", gatewayConfig.saveRequestToFile())
        .put("persist", !demo);
  }

  /** Reads the configuration with a short-lived Vert.x: the real one may need the configuration to be clustered. */
  private ConfigLoader.Loaded loadConfigWithBootstrapVertx(JsonObject overrides) {
    Vertx bootstrap = Vertx.vertx();
    try {
      return loadConfig(bootstrap, overrides);
    } finally {
      try {
        bootstrap.close().await(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        err.println("Could not close the configuration loader: " + e.getMessage());
      }
    }
  }

  /** {@code --github-device-login}: sign in on the console, save the token, exit. */
  int deviceLoginOnly(JsonObject overrides) {
    vertx = Vertx.vertx();
    try {
      ConfigLoader.Loaded config = loadConfig(vertx, overrides);
      if (config == null) {
        return 1;
      }
      String token = ConsoleDeviceLogin.run(vertx, config.gateway(), out, code -> { }).await();
      tokenStore.save(token);
      out.println("Signed in. The GitHub token is saved in " + tokenStore.file() + " (readable by you only).");
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println("GitHub sign-in failed: " + e.getMessage());
      return 1;
    } finally {
      stop();
    }
  }

  public int port() {
    return gateway.port();
  }

  public Gateway gateway() {
    return gateway;
  }

  /** Stops everything this run started; safe to call twice. */
  public synchronized void stop() {
    if (vertx == null) {
      return;
    }
    Vertx closing = vertx;
    vertx = null;
    try {
      if (gateway != null) {
        gateway.close().await(5, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      err.println("The gateway did not stop cleanly: " + e.getMessage());
    }
    try {
      closing.close().await(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      err.println("Vert.x did not stop cleanly: " + e.getMessage());
    }
  }

  private ConfigLoader.Loaded loadConfig(Vertx loader, JsonObject overrides) {
    try {
      ConfigLoader.Loaded loaded = ConfigLoader.load(loader, configFile, env, overrides).await();
      for (String key : loaded.unknownKeys()) {
        err.println("Warning: " + configFile + ": unknown key '" + key + "' is ignored (a typo?)");
      }
      return loaded;
    } catch (ConfigFileException e) {
      err.println("Configuration error: " + e.getMessage());
      if (e.inFile()) {
        err.println("Fix it, or move the file away and run `ghc-api -c` to write a fresh default.");
      }
      return null;
    }
  }

  /** Future.await rethrows the original failure, checked or not (a bind error is an IOException). */
  private static String describeStartFailure(Exception e) {
    Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
    String message = String.valueOf(cause.getMessage());
    if (cause instanceof BindException || message.contains("Address already in use")) {
      return "the port is already in use (another ghc-api?). Stop it, or choose another port with -p.";
    }
    if (message.contains("Cannot assign requested address")) {
      return "this machine has no such address. Use 127.0.0.1, 0.0.0.0 or one of its own addresses.";
    }
    return message;
  }

  private static long millisSinceJvmStart() {
    return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
  }
}
