package io.ghcapi.gateway.translate;

import io.ghcapi.bus.TokenUsage;
import io.ghcapi.translator.chat.ChatChunkSink;
import io.vertx.core.json.JsonObject;

/** Turns the Chat chunk hub into one client API's stream, and says what the stream amounted to. */
interface ClientEncoder extends ChatChunkSink {

  TokenUsage usage();

  /** The whole answer the stream amounted to, in the client's API, for the history. */
  JsonObject answer();
}
