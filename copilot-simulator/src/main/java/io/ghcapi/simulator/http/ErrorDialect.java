package io.ghcapi.simulator.http;

/** Which error body shape a route answers with. */
public enum ErrorDialect {
  /** {@code {"error":{"message","type","code","param"?}}} as the OpenAI and Copilot APIs send. */
  OPENAI,
  /** {@code {"type":"error","error":{"type","message"}}} as the Anthropic Messages API sends. */
  ANTHROPIC,
  /** {@code {"message","documentation_url"}} as the GitHub REST API sends. */
  GITHUB
}
