package io.ghcapi.gateway.plugins;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * Finds the plugins to deploy: every jar in the plugins folder whose manifest names its verticle in
 * {@value #MANIFEST_ATTRIBUTE}, and every entry of the {@code plugins:} config list ({@code {class, config}}).
 * The first config entry naming a class that a jar provides gives that jar's plugin its config; further
 * entries deploy more instances; any other entry is a class on the class path. Problems are collected, not thrown: one bad jar does not hide the others.
 */
public final class PluginCatalog {

  public static final String MANIFEST_ATTRIBUTE = "Ghc-Api-Plugin";

  private final List<PluginSpec> specs;
  private final List<String> problems;

  private PluginCatalog(List<PluginSpec> specs, List<String> problems) {
    this.specs = specs;
    this.problems = problems;
  }

  public List<PluginSpec> specs() {
    return specs;
  }

  /** Jars that could not be read and config entries that could not be understood. */
  public List<String> problems() {
    return problems;
  }

  /** Reads the folder (blocking file I/O: call it off the event loop) and the config list. */
  public static PluginCatalog read(Path folder, JsonArray configured) {
    List<String> problems = new ArrayList<>();
    List<PluginSpec> specs = new ArrayList<>();
    Map<String, Integer> unconfiguredFromJar = new LinkedHashMap<>();
    Map<String, Path> jarOf = new LinkedHashMap<>();
    for (Path jar : jarsIn(folder, problems)) {
      try (JarFile file = new JarFile(jar.toFile())) {
        Attributes attributes = file.getManifest() == null ? null : file.getManifest().getMainAttributes();
        String classes = attributes == null ? null : attributes.getValue(MANIFEST_ATTRIBUTE);
        if (classes == null || classes.isBlank()) {
          problems.add(jar + ": its manifest has no " + MANIFEST_ATTRIBUTE + " attribute naming the plugin's verticle");
          continue;
        }
        for (String className : classes.split(",")) {
          unconfiguredFromJar.put(className.trim(), specs.size());
          jarOf.put(className.trim(), jar);
          specs.add(new PluginSpec(className.trim(), new JsonObject(), jar));
        }
      } catch (IOException e) {
        problems.add(jar + ": not a readable jar (" + e.getMessage() + ")");
      }
    }
    for (int i = 0; configured != null && i < configured.size(); i++) {
      Object entry = configured.getValue(i);
      if (!(entry instanceof JsonObject object) || !(object.getValue("class") instanceof String className)
          || className.isBlank()) {
        problems.add("plugins[" + i + "]: must be a mapping with 'class' (the verticle) and optional 'config'");
        continue;
      }
      Object config = object.getValue("config", new JsonObject());
      if (!(config instanceof JsonObject pluginConfig)) {
        problems.add("plugins[" + i + "].config: must be a mapping");
        continue;
      }
      PluginSpec configuredSpec = new PluginSpec(className, pluginConfig, jarOf.get(className));
      Integer jarSlot = unconfiguredFromJar.remove(className);
      if (jarSlot != null) {
        specs.set(jarSlot, configuredSpec);
      } else {
        specs.add(configuredSpec);
      }
    }
    return new PluginCatalog(List.copyOf(specs), List.copyOf(problems));
  }

  private static List<Path> jarsIn(Path folder, List<String> problems) {
    List<Path> jars = new ArrayList<>();
    if (folder == null || !Files.isDirectory(folder)) {
      return jars;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.jar")) {
      entries.forEach(jars::add);
    } catch (IOException e) {
      problems.add(folder + ": cannot list plugins (" + e.getMessage() + ")");
    }
    jars.sort(null);
    return jars;
  }
}
