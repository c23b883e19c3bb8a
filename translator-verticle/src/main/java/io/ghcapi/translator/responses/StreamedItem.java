package io.ghcapi.translator.responses;

import io.vertx.core.json.JsonObject;

/** An output item whose events are being written: opened with {@code output_item.added}, closed once. */
interface StreamedItem {

  /** Writes the item's closing events, ending with {@code output_item.done}; answers the complete item. */
  JsonObject close(String status);
}
