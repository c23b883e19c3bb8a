package io.ghcapi.translator;

import io.vertx.core.json.JsonObject;

/** A request body in the upstream API, with what its answer's translation needs and what was lost. */
public record TranslatedRequest(JsonObject body, ToolNames toolNames, Warnings warnings) {
}
