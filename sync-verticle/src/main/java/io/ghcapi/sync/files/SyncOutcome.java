package io.ghcapi.sync.files;

import io.vertx.core.json.JsonObject;

/** The answer to a push or a pull: an HTTP-like status (200, 400 nothing to pull, 409 refused) and its body. */
public record SyncOutcome(int status, JsonObject body) {
}
