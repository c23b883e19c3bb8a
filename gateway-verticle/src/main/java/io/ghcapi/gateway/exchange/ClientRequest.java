package io.ghcapi.gateway.exchange;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** A client's body as received (bytes) and as parsed. */
public record ClientRequest(Buffer raw, JsonObject json) {
}
