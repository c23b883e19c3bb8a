package io.ghcapi.translator.responses;

import io.ghcapi.translator.TranslationException;
import io.ghcapi.translator.TranslatedRequest;
import io.vertx.core.json.JsonObject;

/**
 * From Chat Completions to the Responses API: a Chat client's request for a Responses-only upstream, and a
 * Chat upstream's answer for a Responses client. Streams go through {@link ChatToResponsesStream}.
 */
public final class ChatToResponses {

  private ChatToResponses() {
  }

  /**
   * A Chat request as a Responses request for {@code upstreamModel}, with {@code store: false}. Answer it
   * with {@link ResponsesToChat#response} or {@link ResponsesToChatStream}.
   *
   * @throws TranslationException when the request's shape is invalid
   */
  public static TranslatedRequest request(JsonObject chatRequest, String upstreamModel) {
    return ChatRequestToResponses.translate(chatRequest, upstreamModel);
  }

  /** A {@code chat.completion} as the Responses {@code response} object the client of {@code context} expects. */
  public static JsonObject response(JsonObject chatCompletion, ResponsesReplyContext context) {
    return ChatResultToResponses.convert(chatCompletion, context);
  }
}
