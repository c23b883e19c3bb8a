package io.ghcapi.gateway.translate;

import io.ghcapi.gateway.stream.SseEvent;

/** Turns one Copilot endpoint's stream into Chat chunks for the hub. */
interface UpstreamDecoder {

  void onEvent(SseEvent event);

  /** The upstream closed its stream. */
  void onEnd();
}
