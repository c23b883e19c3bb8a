package io.ghcapi.simulator.responses;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The reasoning output item a reasoning model emits before its answer.
 *
 * @param id the item id
 * @param summary the readable summary
 * @param encryptedContent the opaque reasoning state, or {@code null} when the client did not ask for it
 */
record ReasoningItem(String id, String summary, String encryptedContent) {

  static final String SUMMARY = "Simulated reasoning summary.";

  static ReasoningItem of(String id, boolean withEncryptedContent) {
    String encrypted = withEncryptedContent
        ? "gAAAAAB" + Base64.getEncoder().encodeToString(("simulated reasoning state " + id).getBytes(StandardCharsets.UTF_8))
        : null;
    return new ReasoningItem(id, SUMMARY, encrypted);
  }

  JsonObject summaryPart(String text) {
    return new JsonObject().put("type", "summary_text").put("text", text);
  }

  /** The item as it is when first announced: no summary yet. */
  JsonObject started() {
    return new JsonObject().put("type", "reasoning").put("id", id).put("summary", new JsonArray());
  }

  JsonObject completed() {
    JsonObject item = new JsonObject()
        .put("type", "reasoning")
        .put("id", id)
        .put("summary", new JsonArray().add(summaryPart(summary)));
    if (encryptedContent != null) {
      item.put("encrypted_content", encryptedContent);
    }
    return item;
  }
}
