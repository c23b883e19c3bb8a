package io.ghcapi.app;

import io.ghcapi.gateway.auth.GithubTokenStore;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code ghc-api} command line. Returns an exit code; when it starts the server, it keeps running. */
@Command(name = "ghc-api", versionProvider = Version.class, sortOptions = false,
    description = "GitHub Copilot as an OpenAI- and Anthropic-compatible API.")
public final class GhcApiCommand implements Callable<Integer> {

  @Option(names = {"-p", "--port"}, description = "Port to listen on (default 8313, or the config's port).")
  Integer port;

  @Option(names = {"-a", "--address"}, description = "Address to listen on (default 127.0.0.1).")
  String address;

  @Option(names = {"-c", "--config"}, description = "Write a commented default config.yaml if there is none, print its path, exit.")
  boolean writeConfig;

  @Option(names = "--config-dir", paramLabel = "DIR", description = "Configuration directory (default $GHC_API_CONFIG_DIR or ~/.ghc-api).")
  Path configDir;

  @Option(names = "--demo", description = "Serve answers from the built-in Copilot simulator: try every endpoint without a Copilot account.")
  boolean demo;

  @Option(names = "--cluster", description = "Join the cluster configured under 'cluster:' in config.yaml (Hazelcast).")
  boolean cluster;

  @Option(names = "--github-device-login", description = "Sign in to GitHub in the browser, save the token, exit.")
  boolean deviceLogin;

  @Option(names = "--delete-github-token", description = "Delete the saved GitHub token, exit.")
  boolean deleteToken;

  @Option(names = {"-v", "--version"}, versionHelp = true, description = "Print the version and exit.")
  boolean version;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;
  private ServerRun server;

  public GhcApiCommand(Map<String, String> env, PrintStream out, PrintStream err) {
    this.env = env;
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws IOException {
    if (deviceLogin && deleteToken) {
      err.println("--github-device-login and --delete-github-token cannot be used together.");
      return 2;
    }
    Path dir = ConfigDir.resolve(configDir, env);
    Path configFile = dir.resolve(DefaultConfigFile.FILE_NAME);
    if (writeConfig) {
      ConfigDir.ensure(dir);
      boolean written = DefaultConfigFile.writeIfMissing(configFile);
      out.println(written ? "Wrote the default configuration." : "The configuration file already exists; left as it is.");
      out.println(configFile);
      return 0;
    }
    GithubTokenStore tokenStore = new GithubTokenStore(dir, env);
    if (deleteToken) {
      boolean deleted = tokenStore.delete();
      out.println(deleted ? "Deleted " + tokenStore.file() : "No saved GitHub token at " + tokenStore.file());
      return 0;
    }
    ConfigDir.ensure(dir);
    if (DefaultConfigFile.writeIfMissing(configFile)) {
      out.println("Wrote a default configuration to " + configFile);
    }
    JsonObject overrides = new JsonObject();
    if (port != null) {
      overrides.put("port", port);
    }
    if (address != null) {
      overrides.put("address", address);
    }
    ServerRun run = new ServerRun(env, out, err, configFile, tokenStore);
    if (deviceLogin) {
      return run.deviceLoginOnly(overrides);
    }
    int code = run.start(overrides, demo, cluster);
    if (code == 0) {
      server = run;
    }
    return code;
  }

  /** The running server, when {@link #call()} started one. */
  public ServerRun server() {
    return server;
  }
}
