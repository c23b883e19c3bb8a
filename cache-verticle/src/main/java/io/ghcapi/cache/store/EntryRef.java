package io.ghcapi.cache.store;

import io.vertx.core.json.JsonObject;

/** A history entry as it was at one moment, safe to read on a worker thread. */
public record EntryRef(String id, long order, JsonObject summary, Location location) {
}
