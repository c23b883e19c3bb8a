package io.ghcapi.translator.responses;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * A freeform tool offered to a Chat model takes one string parameter, {@code input}; its calls come back as
 * arguments {@code {"input":"..."}} and go to the client as the raw input string.
 */
final class CustomToolInput {

  private CustomToolInput() {
  }

  static String fromArguments(String arguments) {
    if (arguments == null || arguments.isEmpty()) {
      return "";
    }
    try {
      Object input = new JsonObject(arguments).getValue("input");
      if (input instanceof String text) {
        return text;
      }
    } catch (DecodeException | ClassCastException notAnObject) {
      // the model did not follow the schema: its text is the best input there is
    }
    return arguments;
  }

  static String toArguments(String input) {
    return new JsonObject().put("input", input == null ? "" : input).encode();
  }
}
