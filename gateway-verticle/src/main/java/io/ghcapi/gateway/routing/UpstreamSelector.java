package io.ghcapi.gateway.routing;

import io.ghcapi.gateway.models.CopilotModel;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the Copilot endpoint for a request, by the model's {@code supported_endpoints}: the client's own
 * API when the model speaks it (no translation), else the closest API that it does speak. Chat Completions
 * is the hub every translation goes through, so it is the first fallback for every client.
 */
public final class UpstreamSelector {

  private UpstreamSelector() {
  }

  /**
   * @return the endpoint to call, or empty when the model speaks none the gateway can translate to
   *     (never the case for Copilot's models today). An unknown model goes to the client's own API, so
   *     Copilot's own "model not supported" error reaches the client.
   */
  public static Optional<UpstreamApi> select(ClientApi client, Optional<CopilotModel> model) {
    if (model.isEmpty()) {
      return Optional.of(client.nativeUpstream());
    }
    for (UpstreamApi candidate : preference(client)) {
      if (candidate.offeredBy(model.get())) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static List<UpstreamApi> preference(ClientApi client) {
    return switch (client) {
      case CHAT -> List.of(UpstreamApi.CHAT, UpstreamApi.RESPONSES);
      case RESPONSES -> List.of(UpstreamApi.RESPONSES, UpstreamApi.CHAT);
      case MESSAGES -> List.of(UpstreamApi.MESSAGES, UpstreamApi.CHAT, UpstreamApi.RESPONSES);
    };
  }
}
