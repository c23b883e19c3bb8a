package io.ghcapi.translator.responses;

import io.ghcapi.translator.TranslationException;
import io.ghcapi.translator.TranslatedRequest;
import io.vertx.core.json.JsonObject;

/**
 * From the Responses API to Chat Completions: a Responses client's request for a Chat upstream, and a
 * Responses upstream's answer for a Chat client. Streams go through {@link ResponsesToChatStream}.
 */
public final class ResponsesToChat {

  private ResponsesToChat() {
  }

  /**
   * A Responses request as a Chat request for {@code upstreamModel} (streamed requests ask for the usage
   * chunk). Answer it with {@link ChatToResponses#response} or {@link ChatToResponsesStream}, given a
   * {@link ResponsesReplyContext#of} built from the same request and the returned {@code toolNames}.
   *
   * @throws TranslationException when the request's shape is invalid
   */
  public static TranslatedRequest request(JsonObject responsesRequest, String upstreamModel) {
    return ResponsesRequestToChat.translate(responsesRequest, upstreamModel);
  }

  /**
   * A Responses {@code response} object as a {@code chat.completion} for {@code requestedModel}.
   *
   * @throws ResponsesFailedException when the response has {@code status: "failed"}
   */
  public static JsonObject response(JsonObject responsesResponse, String requestedModel) {
    return ResponsesResultToChat.convert(responsesResponse, requestedModel);
  }
}
