package io.ghcapi.bus;

/** The canonical client-facing endpoint names recorded in {@link RequestRecord#endpoint()}; aliases are normalised to these. */
public final class Endpoints {
  public static final String CHAT_COMPLETIONS = "/v1/chat/completions";
  public static final String EMBEDDINGS = "/v1/embeddings";
  public static final String RESPONSES = "/v1/responses";
  public static final String MESSAGES = "/v1/messages";
  public static final String COUNT_TOKENS = "/v1/messages/count_tokens";
  public static final String MODELS = "/v1/models";

  private Endpoints() {
  }
}
