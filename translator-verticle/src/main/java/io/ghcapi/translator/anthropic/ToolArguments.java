package io.ghcapi.translator.anthropic;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

/** A Chat tool call's {@code arguments} string as the object an Anthropic {@code tool_use.input} must be. */
final class ToolArguments {

  /** Key under which arguments that are not a JSON object are handed over unchanged. */
  static final String RAW_ARGUMENTS = "_raw_arguments";

  private ToolArguments() {
  }

  static JsonObject parse(String arguments) {
    if (arguments == null || arguments.isBlank()) {
      return new JsonObject();
    }
    try {
      if (Json.decodeValue(arguments) instanceof JsonObject object) {
        return object;
      }
    } catch (DecodeException notJson) {
      // falls through: the model wrote something that is not JSON; the client still sees it
    }
    return new JsonObject().put(RAW_ARGUMENTS, arguments);
  }
}
