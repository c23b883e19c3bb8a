package io.ghcapi.sync;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The sync verticle's deployment config (the merged {@code config.yaml} keys). Every key is optional; a
 * wrong type or range fails the deployment with the key and the reason. See {@code docs/sync.md}.
 *
 * @param onedriveAccess config sync and machine usage files on or off ({@code onedrive_access}, default off)
 * @param onedrivePath the OneDrive folder, instead of detecting it ({@code onedrive_path})
 * @param home the home folder holding {@code .claude/settings.json} and {@code .codex/config.toml}
 * @param configFile the gateway's {@code config.yaml}, the third synced file
 * @param machineName this machine's folder name under {@code agents/}; empty = {@code <host>_<os>}
 * @param nodeId this node's id in request records, to pick this machine's usage from the history
 * @param toolsPath the {@code PATH} searched for node, claude, codex, copilot, code and npm
 * @param versionTimeoutMillis how long one {@code --version} probe may run
 * @param installTimeoutMillis how long one {@code npm install -g} may run
 * @param usageFlushMillis how often this machine's usage file is brought up to date
 * @param installPackages the npm packages the install offers, by id, in order
 * @param wslMountRoot where Windows drives are mounted under WSL
 * @param backupsKept backups kept per file (older ones are removed); 0 keeps all
 * @param npmCommand the npm executable, instead of looking it up on {@code toolsPath}
 * @param env the environment of this process (detection and child processes)
 */
public record SyncConfig(boolean onedriveAccess, String onedrivePath, Path home, Path configFile, String machineName,
    String nodeId, String toolsPath, long versionTimeoutMillis, long installTimeoutMillis, long usageFlushMillis,
    Map<String, String> installPackages, Path wslMountRoot, int backupsKept, String npmCommand,
    Map<String, String> env) {

  /** The CLIs (seed §8.6) and the ACP adapters the agents page needs (seed §9.1, §11.2). */
  public static final Map<String, String> DEFAULT_PACKAGES = defaultPackages();

  private static final Pattern NPM_SPEC =
      Pattern.compile("^(@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*(@[A-Za-z0-9._^~<>=*+-]+)?$");
  private static final Pattern PACKAGE_ID = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");

  public SyncConfig {
    installPackages = Collections.unmodifiableMap(new LinkedHashMap<>(installPackages));
    env = Map.copyOf(env);
  }

  public static SyncConfig from(JsonObject json) {
    return from(json, System.getenv());
  }

  public static SyncConfig from(JsonObject json, Map<String, String> env) {
    ConfigValues values = new ConfigValues(json);
    Path home = path(values.text("sync_home", ""), Paths.get(System.getProperty("user.home")));
    Path configFile = path(values.text("config_file", ""), defaultConfigDir(env).resolve("config.yaml"));
    Map<String, String> packages = values.stringMap("install_packages", DEFAULT_PACKAGES);
    packages.forEach((id, spec) -> {
      if (!PACKAGE_ID.matcher(id).matches()) {
        throw ConfigValues.invalid("install_packages", "ids are lower-case letters, digits, '.', '_' or '-'", id);
      }
      if (!NPM_SPEC.matcher(spec).matches()) {
        throw ConfigValues.invalid("install_packages." + id, "must be an npm package name, optionally @version",
            spec);
      }
    });
    String toolsPath = values.text("tools_path", "");
    return new SyncConfig(
        values.bool("onedrive_access", false),
        values.text("onedrive_path", ""),
        home,
        configFile,
        values.text("machine_name", ""),
        nodeId(values.text("node_id", ""), env),
        toolsPath.isEmpty() ? pathOf(env) : toolsPath,
        values.secondsAsMillis("tools_version_timeout", 8, 0.1, 300),
        values.secondsAsMillis("tools_install_timeout", 900, 1, 7200),
        values.secondsAsMillis("usage_flush_interval", 60, 0.05, 86_400),
        packages,
        path(values.text("wsl_mount_root", ""), Paths.get("/mnt")),
        values.integer("sync_backups_kept", 20, 0, 100_000),
        values.text("npm_command", ""),
        env);
  }

  /** The folder of the gateway's config file, where the install log is written. */
  public Path configDir() {
    Path parent = configFile.toAbsolutePath().getParent();
    return parent == null ? configFile : parent;
  }

  /** As the gateway names its node: {@code node_id}, else the host name variable, else by process id. */
  private static String nodeId(String configured, Map<String, String> env) {
    if (!configured.isBlank()) {
      return configured;
    }
    String host = env.get("HOSTNAME");
    if (host != null && !host.isBlank()) {
      return host;
    }
    return "node-" + ProcessHandle.current().pid();
  }

  /** {@code PATH}, whatever its case ({@code Path} on Windows). */
  private static String pathOf(Map<String, String> env) {
    return env.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("PATH")).map(Map.Entry::getValue)
        .findFirst().orElse("");
  }

  private static Path defaultConfigDir(Map<String, String> env) {
    String configured = env.get("GHC_API_CONFIG_DIR");
    if (configured != null && !configured.isBlank()) {
      return expandHome(configured);
    }
    String appData = env.get("APPDATA");
    if (System.getProperty("os.name", "").startsWith("Windows") && appData != null && !appData.isBlank()) {
      return Paths.get(appData, "ghc-api");
    }
    return Paths.get(System.getProperty("user.home"), ".ghc-api");
  }

  private static Path path(String configured, Path fallback) {
    return configured.isEmpty() ? fallback.toAbsolutePath() : expandHome(configured).toAbsolutePath();
  }

  static Path expandHome(String value) {
    if (value.equals("~")) {
      return Paths.get(System.getProperty("user.home"));
    }
    if (value.startsWith("~/") || value.startsWith("~\\")) {
      return Paths.get(System.getProperty("user.home"), value.substring(2));
    }
    return Paths.get(value);
  }

  private static Map<String, String> defaultPackages() {
    Map<String, String> packages = new LinkedHashMap<>();
    packages.put("claude-code", "@anthropic-ai/claude-code");
    packages.put("codex", "@openai/codex");
    packages.put("copilot-cli", "@github/copilot");
    packages.put("claude-agent-acp", "@agentclientprotocol/claude-agent-acp");
    packages.put("codex-acp", "@agentclientprotocol/codex-acp");
    return Collections.unmodifiableMap(packages);
  }
}
