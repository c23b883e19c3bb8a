package io.ghcapi.gateway.plugins;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;

/**
 * One plugin to deploy: its verticle class, its own config, and the jar it comes from ({@code null} for a
 * class already on the class path).
 */
public record PluginSpec(String className, JsonObject config, Path jar) {

  public String source() {
    return jar == null ? "config" : jar.toString();
  }
}
