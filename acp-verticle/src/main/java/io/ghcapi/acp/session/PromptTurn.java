package io.ghcapi.acp.session;

import io.ghcapi.acp.store.TurnCompactor;
import io.vertx.core.json.JsonObject;

/** The turn running in a session: its id, what it produced so far (compacted), whether a cancel was asked. */
final class PromptTurn {

  private static final int MAX_TEXT_CHARS = 4 << 20;
  private static final long MAX_CHARS = 32L << 20;

  final String promptId;
  final TurnCompactor story;
  boolean cancelRequested;
  long deadlineTimer = -1;
  long cancelTimer = -1;

  PromptTurn(String promptId, int maxEntries) {
    this.promptId = promptId;
    this.story = new TurnCompactor(maxEntries, MAX_TEXT_CHARS, MAX_CHARS);
  }

  void record(JsonObject event) {
    story.add(event);
  }

  /** The turn so far, as shown in the session detail while it runs. */
  JsonObject toJson() {
    return new JsonObject().put("prompt_id", promptId).put("entries", story.entries())
        .put("cancel_requested", cancelRequested);
  }
}
