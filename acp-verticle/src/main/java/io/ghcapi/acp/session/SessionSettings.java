package io.ghcapi.acp.session;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What the agent says about a session beyond its turns: modes, models (the legacy field), config options,
 * slash commands and title. Taken from the {@code session/new} or {@code session/load} result and kept current
 * from {@code session/update}s and from answers to our changes.
 */
final class SessionSettings {

  private JsonObject modes;
  private JsonObject models;
  private JsonArray configOptions;
  private JsonArray availableCommands;
  private String title;

  /** Takes the fields of a {@code session/new} or {@code session/load} result. */
  void takeSessionResult(JsonObject result) {
    if (result.getValue("modes") instanceof JsonObject value) {
      modes = value.copy();
    }
    if (result.getValue("models") instanceof JsonObject value) {
      models = value.copy();
    }
    if (result.getValue("configOptions") instanceof JsonArray value) {
      configOptions = value.copy();
    }
  }

  /** Applies a {@code session/update}; true when something here changed. */
  boolean apply(JsonObject update) {
    switch (update.getString("sessionUpdate", "")) {
      case "current_mode_update" -> {
        Object mode = update.getValue("currentModeId", update.getValue("modeId"));
        if (mode instanceof String id) {
          modeChanged(id);
          return true;
        }
        return false;
      }
      case "config_option_update" -> {
        if (update.getValue("configOptions") instanceof JsonArray options) {
          configOptions = options.copy();
          return true;
        }
        return false;
      }
      case "available_commands_update" -> {
        if (update.getValue("availableCommands") instanceof JsonArray commands) {
          availableCommands = commands.copy();
          return true;
        }
        return false;
      }
      case "session_info_update" -> {
        if (update.containsKey("title")) {
          title = update.getValue("title") instanceof String text ? text : null;
          return true;
        }
        return false;
      }
      default -> {
        return false;
      }
    }
  }

  void modeChanged(String modeId) {
    if (modes == null) {
      modes = new JsonObject();
    }
    modes.put("currentModeId", modeId);
  }

  void modelChanged(String modelId) {
    if (models == null) {
      models = new JsonObject();
    }
    models.put("currentModelId", modelId);
  }

  void configOptionsChanged(JsonArray options) {
    configOptions = options.copy();
  }

  boolean hasMode(String modeId) {
    if (modes == null || !(modes.getValue("availableModes") instanceof JsonArray available)) {
      return false;
    }
    return available.stream().anyMatch(m -> m instanceof JsonObject mode && modeId.equals(mode.getValue("id")));
  }

  /** The id of the config option of the given category ({@code model}, {@code mode}), or null. */
  String configOptionOfCategory(String category) {
    if (configOptions == null) {
      return null;
    }
    for (Object item : configOptions) {
      if (item instanceof JsonObject option && category.equals(option.getString("category"))) {
        return option.getString("id");
      }
    }
    return null;
  }

  boolean hasLegacyModels() {
    return models != null && models.getValue("availableModels") instanceof JsonArray;
  }

  String title() {
    return title;
  }

  /** The fields as stored and shown: {@code modes, models, config_options, available_commands}. */
  JsonObject toJson() {
    JsonObject json = new JsonObject().put("modes", modes).put("models", models).put("config_options", configOptions)
        .put("available_commands", availableCommands);
    if (title != null) {
      json.put("title", title);
    }
    return json;
  }
}
