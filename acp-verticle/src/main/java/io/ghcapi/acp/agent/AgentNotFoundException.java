package io.ghcapi.acp.agent;

/** The program of an agent kind is not installed (or not where the configuration says). */
public final class AgentNotFoundException extends RuntimeException {

  public AgentNotFoundException(String message) {
    super(message);
  }
}
