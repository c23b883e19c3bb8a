package io.ghcapi.acp.agent;

import java.util.Locale;

/** How an agent is told to send its model traffic to this gateway through its environment. */
public enum GatewayStyle {
  /** Claude Code and its ACP adapter: {@code ANTHROPIC_BASE_URL} and a key; calls {@code /v1/messages}. */
  ANTHROPIC,
  /** codex-acp: a Codex model provider in {@code CODEX_CONFIG}; calls {@code /v1/responses}. */
  CODEX,
  /** Copilot CLI: its bring-your-own-key variables {@code COPILOT_PROVIDER_*}; calls {@code /v1/responses}. */
  COPILOT,
  /** Nothing is set; only the ACP {@code gateway} sign-in, if the agent offers it. */
  NONE;

  public static GatewayStyle parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("must be one of anthropic, codex, copilot, none, got \"" + value + "\"");
    }
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
