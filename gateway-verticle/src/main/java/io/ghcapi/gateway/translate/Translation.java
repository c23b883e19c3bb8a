package io.ghcapi.gateway.translate;

import io.ghcapi.gateway.models.CopilotModel;
import io.ghcapi.gateway.models.MappedModel;
import io.ghcapi.gateway.routing.ClientApi;
import io.ghcapi.gateway.routing.UpstreamApi;
import io.ghcapi.translator.SseBuffer;
import io.ghcapi.translator.ToolNames;
import io.ghcapi.translator.TranslatedRequest;
import io.ghcapi.translator.Warnings;
import io.ghcapi.translator.anthropic.AnthropicToChat;
import io.ghcapi.translator.anthropic.ChatTarget;
import io.ghcapi.translator.anthropic.ChatToAnthropic;
import io.ghcapi.translator.anthropic.ChatToAnthropicStream;
import io.ghcapi.translator.chat.ChatChunkSink;
import io.ghcapi.translator.responses.ChatToResponses;
import io.ghcapi.translator.responses.ChatToResponsesStream;
import io.ghcapi.translator.responses.ResponsesReplyContext;
import io.ghcapi.translator.responses.ResponsesToChat;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;

/**
 * The translator functions for one (client API, upstream API) pair, with Chat Completions as the hub:
 * client → Chat → upstream for the request; upstream → Chat → client for the answer and the stream.
 */
final class Translation {

  private final ClientApi client;
  private final UpstreamApi upstream;
  private final MappedModel mapped;
  private final CopilotModel model;
  private final JsonObject clientBody;
  private final String answerId;
  private final long createdAt = System.currentTimeMillis() / 1000;

  private Translation(ClientApi client, UpstreamApi upstream, MappedModel mapped, CopilotModel model,
      JsonObject clientBody) {
    this.client = client;
    this.upstream = upstream;
    this.mapped = mapped;
    this.model = model;
    this.clientBody = clientBody.copy();
    String hex = UUID.randomUUID().toString().replace("-", "");
    this.answerId = (client == ClientApi.MESSAGES ? "msg_" : client == ClientApi.RESPONSES ? "resp_" : "chatcmpl-") + hex;
  }

  static Translation of(ClientApi client, UpstreamApi upstream, MappedModel mapped, CopilotModel model,
      JsonObject clientBody) {
    return new Translation(client, upstream, mapped, model, clientBody);
  }

  /** The upstream request body; throws {@code TranslationException} for a request that cannot be translated. */
  TranslatedRequest request(JsonObject body, List<String> maxCompletionTokensModels) {
    TranslatedRequest chat = switch (client) {
      case MESSAGES -> AnthropicToChat.request(body,
          new ChatTarget(mapped.upstream(), model.claudeFamily(), model.reasoningEfforts()));
      case RESPONSES -> ResponsesToChat.request(body, mapped.upstream());
      case CHAT -> new TranslatedRequest(body.copy().put("model", mapped.upstream()), new ToolNames(), new Warnings());
    };
    if (upstream == UpstreamApi.RESPONSES) {
      TranslatedRequest responses = ChatToResponses.request(chat.body(), mapped.upstream());
      responses.warnings().codes().forEach(chat.warnings()::add);
      return new TranslatedRequest(responses.body(), chat.toolNames(), chat.warnings());
    }
    renameMaxTokens(chat.body(), maxCompletionTokensModels);
    return chat;
  }

  /** Copilot's whole answer, as a chat completion. */
  JsonObject toChat(JsonObject upstreamAnswer) {
    return upstream == UpstreamApi.RESPONSES ? ResponsesToChat.response(upstreamAnswer, mapped.requested()) : upstreamAnswer;
  }

  /** A chat completion, as the client's API answers. */
  JsonObject fromChat(JsonObject chat, TranslatedRequest request) {
    return switch (client) {
      case MESSAGES -> ChatToAnthropic.response(chat, mapped.requested(), request.toolNames());
      case RESPONSES -> ChatToResponses.response(chat, replyContext(request));
      case CHAT -> chat;
    };
  }

  ClientEncoder encoder(SseBuffer out, TranslatedRequest request) {
    return switch (client) {
      case MESSAGES -> new AnthropicClientEncoder(
          new ChatToAnthropicStream(out, mapped.requested(), answerId, request.toolNames()));
      case RESPONSES -> new ResponsesClientEncoder(new ChatToResponsesStream(out, replyContext(request)));
      case CHAT -> new ChatClientEncoder(out, clientBody.getValue("stream_options") instanceof JsonObject options
          && Boolean.TRUE.equals(options.getValue("include_usage")));
    };
  }

  UpstreamDecoder decoder(ChatChunkSink sink) {
    return upstream == UpstreamApi.RESPONSES
        ? new ResponsesUpstreamDecoder(sink, mapped.requested())
        : new ChatUpstreamDecoder(sink);
  }

  private ResponsesReplyContext replyContext(TranslatedRequest request) {
    return ResponsesReplyContext.of(clientBody, request.toolNames(), answerId, createdAt);
  }

  private static void renameMaxTokens(JsonObject chat, List<String> prefixes) {
    String model = chat.getString("model", "");
    if (!chat.containsKey("max_tokens") || chat.containsKey("max_completion_tokens")) {
      return;
    }
    for (String prefix : prefixes) {
      if (model.startsWith(prefix)) {
        chat.put("max_completion_tokens", chat.remove("max_tokens"));
        return;
      }
    }
  }
}
