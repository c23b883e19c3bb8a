package io.ghcapi.gateway.exchange;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * A client's body as it goes on (bytes and parsed) and as the client sent it ({@code clientRaw}: differs only
 * when a plugin changed the body; the history records what the client sent).
 */
public record ClientRequest(Buffer raw, JsonObject json, Buffer clientRaw) {

  public ClientRequest(Buffer raw, JsonObject json) {
    this(raw, json, raw);
  }

  /** The same request with a body a plugin replaced. */
  public ClientRequest withBody(JsonObject body) {
    return new ClientRequest(body.toBuffer(), body, clientRaw);
  }
}
