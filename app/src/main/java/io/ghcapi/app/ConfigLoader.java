package io.ghcapi.app;

import io.ghcapi.gateway.config.ConfigException;
import io.ghcapi.gateway.config.GatewayConfig;
import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Builds the effective configuration: {@code config.yaml} (read with vertx-config), then environment
 * variables {@code GHC_API_<KEY>}, then command-line overrides; then validates it. Any problem fails with
 * a {@link ConfigFileException} naming the file, the key and the reason.
 */
public final class ConfigLoader {

  static final String ENV_PREFIX = "GHC_API_";

  /** The merged configuration, the gateway's view of it, and the keys nothing reads (likely typos). */
  public record Loaded(JsonObject merged, GatewayConfig gateway, Set<String> unknownKeys) {
  }

  private ConfigLoader() {
  }

  public static Future<Loaded> load(Vertx vertx, Path file, Map<String, String> env, JsonObject overrides) {
    return readFile(vertx, file).compose(fromFile -> {
      try {
        return Future.succeededFuture(validate(file, fromFile, fromEnvironment(env), overrides));
      } catch (ConfigFileException e) {
        return Future.failedFuture(e);
      }
    });
  }

  /**
   * Validates each layer on top of the ones below it, so an error is blamed on the layer that brought
   * the bad value: the file, an environment variable, or a command-line flag.
   */
  private static Loaded validate(Path file, JsonObject fromFile, JsonObject fromEnv, JsonObject overrides) {
    try {
      GatewayConfig.from(fromFile);
    } catch (ConfigException e) {
      throw new ConfigFileException(file, e.getMessage());
    }
    JsonObject merged = fromFile.copy().mergeIn(fromEnv);
    try {
      GatewayConfig.from(merged);
    } catch (ConfigException e) {
      String key = rootKey(e.key());
      if (!fromEnv.containsKey(key)) {
        throw new ConfigFileException(file, e.getMessage());
      }
      throw ConfigFileException.fromEnvironment(ENV_PREFIX + key.toUpperCase(Locale.ROOT), e.getMessage());
    }
    merged.mergeIn(overrides);
    try {
      return new Loaded(merged, GatewayConfig.from(merged), GatewayConfig.unknownKeys(merged));
    } catch (ConfigException e) {
      throw ConfigFileException.fromCommandLine(e.getMessage());
    }
  }

  /** {@code api_keys[0].key} → {@code api_keys}. */
  private static String rootKey(String key) {
    int end = key.length();
    for (char stop : new char[] {'[', '.'}) {
      int at = key.indexOf(stop);
      if (at >= 0) {
        end = Math.min(end, at);
      }
    }
    return key.substring(0, end);
  }

  private static Future<JsonObject> readFile(Vertx vertx, Path file) {
    if (!Files.exists(file)) {
      return Future.succeededFuture(new JsonObject());
    }
    if (isBlank(file)) {
      return Future.succeededFuture(new JsonObject());
    }
    ConfigStoreOptions yaml = new ConfigStoreOptions().setType("file").setFormat("yaml")
        .setConfig(new JsonObject().put("path", file.toString()));
    ConfigRetriever retriever = ConfigRetriever.create(vertx,
        new ConfigRetrieverOptions().setIncludeDefaultStores(false).setScanPeriod(-1).addStore(yaml));
    return retriever.getConfig()
        .eventually(retriever::close)
        .recover(e -> Future.failedFuture(new ConfigFileException(file, "not valid YAML: " + rootMessage(e))));
  }

  /** {@code GHC_API_PORT=9000} → {@code port: 9000}; values are read as YAML scalars or flow lists. */
  static JsonObject fromEnvironment(Map<String, String> env) {
    JsonObject out = new JsonObject();
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    env.forEach((name, value) -> {
      if (!name.startsWith(ENV_PREFIX) || name.equals(ConfigDir.ENV_VAR)) {
        return;
      }
      String key = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT);
      Object parsed;
      try {
        parsed = yaml.load(value);
      } catch (RuntimeException e) {
        throw ConfigFileException.fromEnvironment(name, "not a valid value: " + e.getMessage().replace('\n', ' '));
      }
      out.put(key, parsed instanceof Date || parsed == null ? value : parsed);
    });
    return out;
  }

  private static boolean isBlank(Path file) {
    try {
      return Files.readString(file).isBlank();
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().replace('\n', ' ');
  }
}
