package io.ghcapi.gateway.config;

/** A configuration value that cannot be used, naming the key and the reason. */
public final class ConfigException extends RuntimeException {

  private final String key;

  public ConfigException(String key, String reason) {
    super("key '" + key + "': " + reason);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
