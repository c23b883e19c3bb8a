package io.ghcapi.gateway.models;

/** The model a client asked for and the Copilot model it is sent to. */
public record MappedModel(String requested, String upstream) {

  public boolean changed() {
    return !requested.equals(upstream);
  }
}
