package io.ghcapi.gateway.translate;

import io.ghcapi.gateway.exchange.ClientEndpoint;
import io.ghcapi.gateway.exchange.Exchange;
import io.ghcapi.gateway.models.CopilotModel;
import io.ghcapi.gateway.models.MappedModel;
import io.ghcapi.gateway.routing.ClientApi;
import io.ghcapi.gateway.routing.UpstreamApi;
import io.vertx.core.json.JsonObject;

/** Serves a request through a Copilot endpoint that speaks another API than the client's. */
public interface TranslatedRoute {

  /**
   * @param clientBody the client's request (already filtered and validated), in the client's API
   * @param model the Copilot model, as listed
   */
  void forward(Exchange exchange, ClientEndpoint endpoint, ClientApi client, UpstreamApi upstream,
      JsonObject clientBody, MappedModel mapped, CopilotModel model);
}
