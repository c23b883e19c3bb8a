package io.ghcapi.gateway.config;

import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Client model name → Copilot model name rules: exact names first, then the longest matching prefix.
 * When the config has {@code model_mappings}, it replaces these defaults entirely.
 */
public record ModelMappingConfig(Map<String, String> exact, Map<String, String> prefix) {

  public static ModelMappingConfig defaults() {
    Map<String, String> exact = new LinkedHashMap<>();
    exact.put("opus", "claude-opus-4.8");
    exact.put("sonnet", "claude-sonnet-5");
    exact.put("haiku", "claude-haiku-4.5");
    exact.put("claude-opus-4-8", "claude-opus-4.8");
    exact.put("claude-opus-4-7", "claude-opus-4.7");
    exact.put("claude-opus-4-6", "claude-opus-4.6");
    exact.put("claude-opus-4-5", "claude-opus-4.5");
    exact.put("claude-haiku-4-5", "claude-haiku-4.5");
    Map<String, String> prefix = new LinkedHashMap<>();
    prefix.put("claude-sonnet-4-", "claude-sonnet-4");
    prefix.put("claude-sonnet-5-", "claude-sonnet-5");
    prefix.put("claude-haiku-4.5-", "claude-haiku-4.5");
    prefix.put("claude-opus-4.5-", "claude-opus-4.5");
    prefix.put("claude-haiku-4-5-", "claude-haiku-4.5");
    prefix.put("claude-opus-4-5-", "claude-opus-4.5");
    prefix.put("claude-opus-4-6-", "claude-opus-4.6");
    prefix.put("claude-opus-4.6-", "claude-opus-4.6");
    prefix.put("claude-opus-4-7-", "claude-opus-4.7");
    prefix.put("claude-opus-4.7-", "claude-opus-4.7");
    prefix.put("claude-opus-4-8-", "claude-opus-4.8");
    prefix.put("claude-opus-4.8-", "claude-opus-4.8");
    return new ModelMappingConfig(Collections.unmodifiableMap(exact), Collections.unmodifiableMap(prefix));
  }

  static ModelMappingConfig read(ConfigReader reader, String key) {
    JsonObject object = reader.object(key);
    if (object == null) {
      return defaults();
    }
    for (String field : object.fieldNames()) {
      if (!field.equals("exact") && !field.equals("prefix")) {
        throw new ConfigException(key + "." + field, "unknown section; use 'exact' and 'prefix'");
      }
    }
    Map<String, String> exact = section(reader, object, key, "exact");
    Map<String, String> prefix = section(reader, object, key, "prefix");
    return new ModelMappingConfig(exact, prefix);
  }

  private static Map<String, String> section(ConfigReader reader, JsonObject mappings, String key, String name) {
    Object value = mappings.getValue(name);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof JsonObject section)) {
      throw new ConfigException(key + "." + name, "must be a mapping of client name to Copilot name, got "
          + ConfigReader.describe(value));
    }
    return reader.stringMap(key + "." + name, section);
  }

  public JsonObject toJson() {
    return new JsonObject().put("exact", new JsonObject(new LinkedHashMap<>(exact)))
        .put("prefix", new JsonObject(new LinkedHashMap<>(prefix)));
  }
}
