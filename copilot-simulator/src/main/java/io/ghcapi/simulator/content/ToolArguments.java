package io.ghcapi.simulator.content;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Builds tool-call arguments that satisfy a JSON schema's required properties with simple values. */
public final class ToolArguments {

  private ToolArguments() {
  }

  /**
   * An object with a value for each {@code required} property: "sim" for strings (or the first {@code enum}
   * value), 1 for numbers, true for booleans, [] for arrays, {} for objects.
   */
  public static JsonObject fill(JsonObject schema) {
    JsonObject arguments = new JsonObject();
    if (schema == null || !(schema.getValue("required") instanceof JsonArray required)) {
      return arguments;
    }
    JsonObject properties = schema.getValue("properties") instanceof JsonObject p ? p : new JsonObject();
    for (Object name : required) {
      if (name instanceof String property) {
        Object propertySchema = properties.getValue(property);
        arguments.put(property, valueFor(propertySchema instanceof JsonObject s ? s : new JsonObject()));
      }
    }
    return arguments;
  }

  private static Object valueFor(JsonObject propertySchema) {
    if (propertySchema.getValue("enum") instanceof JsonArray values && !values.isEmpty()) {
      return values.getValue(0);
    }
    if (propertySchema.getValue("const") != null) {
      return propertySchema.getValue("const");
    }
    return switch (typeOf(propertySchema)) {
      case "number", "integer" -> 1;
      case "boolean" -> true;
      case "array" -> new JsonArray();
      case "object" -> new JsonObject();
      case "null" -> null;
      default -> "sim";
    };
  }

  /** The declared type; for a list of types the first that is not "null". */
  private static String typeOf(JsonObject propertySchema) {
    Object type = propertySchema.getValue("type");
    if (type instanceof String single) {
      return single;
    }
    if (type instanceof JsonArray several) {
      for (Object candidate : several) {
        if (candidate instanceof String name && !name.equals("null")) {
          return name;
        }
      }
    }
    if (propertySchema.getValue("properties") instanceof JsonObject) {
      return "object";
    }
    return "string";
  }
}
