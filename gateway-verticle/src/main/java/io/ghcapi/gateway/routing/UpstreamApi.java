package io.ghcapi.gateway.routing;

import io.ghcapi.gateway.models.CopilotModel;

/** A Copilot endpoint, by the API it speaks. */
public enum UpstreamApi {
  CHAT("/chat/completions"),
  RESPONSES("/responses"),
  MESSAGES("/v1/messages");

  private final String path;

  UpstreamApi(String path) {
    this.path = path;
  }

  /** The path relative to the Copilot API base URL. */
  public String path() {
    return path;
  }

  /** Whether Copilot lists this endpoint for the model (both spellings Copilot uses are accepted). */
  public boolean offeredBy(CopilotModel model) {
    return switch (this) {
      case CHAT -> model.supportsEndpoint("/chat/completions") || model.supportsEndpoint("/v1/chat/completions");
      case RESPONSES -> model.supportsEndpoint("/responses") || model.supportsEndpoint("/v1/responses");
      case MESSAGES -> model.supportsEndpoint("/v1/messages") || model.supportsEndpoint("/messages");
    };
  }
}
