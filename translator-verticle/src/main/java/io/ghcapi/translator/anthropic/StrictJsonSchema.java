package io.ghcapi.translator.anthropic;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * A JSON Schema made acceptable for OpenAI strict structured output: every object schema gets
 * {@code additionalProperties: false} and lists all its properties as required, at every depth. Works on a
 * copy; the client's schema is left untouched.
 */
final class StrictJsonSchema {

  private static final String[] SCHEMA_MAPS = {"properties", "$defs", "definitions", "patternProperties"};
  private static final String[] SCHEMA_LISTS = {"anyOf", "oneOf", "allOf", "prefixItems"};
  private static final String[] SCHEMA_VALUES = {"items", "additionalItems", "not", "if", "then", "else", "contains"};

  private StrictJsonSchema() {
  }

  static JsonObject of(JsonObject schema) {
    JsonObject copy = schema.copy();
    tighten(copy);
    return copy;
  }

  private static void tighten(JsonObject schema) {
    JsonObject properties = schema.getValue("properties") instanceof JsonObject p ? p : null;
    if (isObjectType(schema) || properties != null) {
      schema.put("additionalProperties", false);
      JsonArray required = new JsonArray();
      if (properties != null) {
        properties.fieldNames().forEach(required::add);
      }
      schema.put("required", required);
    }
    for (String key : SCHEMA_MAPS) {
      if (schema.getValue(key) instanceof JsonObject map) {
        for (Map.Entry<String, Object> entry : map) {
          tightenIfSchema(entry.getValue());
        }
      }
    }
    for (String key : SCHEMA_LISTS) {
      if (schema.getValue(key) instanceof JsonArray list) {
        list.forEach(StrictJsonSchema::tightenIfSchema);
      }
    }
    for (String key : SCHEMA_VALUES) {
      Object value = schema.getValue(key);
      if (value instanceof JsonArray list) {
        list.forEach(StrictJsonSchema::tightenIfSchema);
      } else {
        tightenIfSchema(value);
      }
    }
  }

  private static void tightenIfSchema(Object value) {
    if (value instanceof JsonObject schema) {
      tighten(schema);
    }
  }

  private static boolean isObjectType(JsonObject schema) {
    Object type = schema.getValue("type");
    return "object".equals(type) || type instanceof JsonArray types && types.contains("object");
  }
}
